import { generate } from 'selfsigned';

/** A CA made for one test run; its certificate also serves 127.0.0.1 and localhost. @public */
export interface TestCertificates {
  /** PEM certificate */
  cert: string;
  /** PEM private key */
  key: string;
  /** base64 of the PEM certificate, as a kubeconfig's certificate-authority-data */
  caData: string;
}

/**
 * Generates a fresh self-signed CA whose certificate is valid for the test
 * server's addresses, like a kube-apiserver serving certificate that clients
 * trust through certificate-authority-data.
 * @public
 */
export function createTestCertificates(
  commonName = 'network-scorecard-test-ca',
): TestCertificates {
  const pems = generate([{ name: 'commonName', value: commonName }], {
    keySize: 2048,
    days: 2,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'keyUsage',
        keyCertSign: true,
        digitalSignature: true,
        keyEncipherment: true,
      },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return {
    cert: pems.cert,
    key: pems.private,
    caData: Buffer.from(pems.cert).toString('base64'),
  };
}
