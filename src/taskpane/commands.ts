/// <reference types="office-js" />
/**
 * The manifest's function file. The ribbon button only shows the task pane, so there is no
 * command to register; Office still loads this page and waits for it to initialise.
 */
if (typeof Office !== 'undefined') void Office.onReady();
