export { createTestPki, type KeyPair, type TestPki } from './test-pki.ts'
