import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { LocalLanguage20Regular } from '@fluentui/react-icons';
import type { Lang, Strings } from '../i18n.js';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  logo: { width: '24px', height: '24px', flexShrink: 0, marginTop: '2px' },
  brand: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  subtitle: { color: tokens.colorNeutralForeground3 },
  lang: { flexShrink: 0, whiteSpace: 'nowrap' },
});

export function Header(props: { s: Strings; lang: Lang; standalone: boolean; onLang: (lang: Lang) => void }) {
  const { s, lang, standalone, onLang } = props;
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <img className={styles.logo} src="assets/icon-32.png" alt="" />
        <div className={styles.titles}>
          <Text as="h1" weight="semibold" size={standalone ? 500 : 400}>
            {s.appTitle}
          </Text>
          {standalone && (
            <Text size={200} className={styles.subtitle}>
              {s.appSubtitle}
            </Text>
          )}
        </div>
      </div>
      <Button
        appearance="subtle"
        size="small"
        className={styles.lang}
        icon={<LocalLanguage20Regular />}
        data-action="lang"
        aria-label={s.switchLanguageLabel}
        lang={lang === 'ja' ? 'en' : 'ja'}
        onClick={() => onLang(lang === 'ja' ? 'en' : 'ja')}
      >
        {s.switchLanguage}
      </Button>
    </header>
  );
}
