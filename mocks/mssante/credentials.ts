/**
 * The DUI's test mailbox on the simulated operator (docs/simulator-mssante.md): login = address,
 * same password for SMTP and IMAP. Test values only, published on purpose.
 */
export const DUI_MAILBOX_LOCAL_PART = 'dui'
export const DUI_MAILBOX_PASSWORD = 'dui-harness-test'
export const DEFAULT_DOMAIN = 'dui-harness.test-ci-sis.mssante.fr'
