export { createTestPki, issueClientCertificate, type ClientCertificateOptions, type KeyPair, type TestPki } from './test-pki.ts'
