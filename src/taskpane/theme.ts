/** Office's light theme with fonts that show Japanese well on Windows, macOS and Linux. */
import { webLightTheme, type Theme } from '@fluentui/react-components';

const FONTS =
  "'Segoe UI', 'Yu Gothic UI', 'Meiryo UI', Meiryo, 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Noto Sans JP', 'Noto Sans CJK JP', IPAPGothic, IPAGothic, system-ui, sans-serif";

export const theme: Theme = { ...webLightTheme, fontFamilyBase: FONTS };
