import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import selfsigned from 'selfsigned';

export interface TlsMaterial { cert: string; key: string; selfSigned: boolean }

/**
 * The node's certificate: the configured PEM files, else a self-signed one made at first start and kept in the
 * data directory so browsers and clients only need to accept it once.
 */
export async function loadTlsMaterial(options: {
  certFile: string | undefined; keyFile: string | undefined; dataDir: string; hostName: string;
}): Promise<TlsMaterial> {
  if (options.certFile && options.keyFile) {
    const [cert, key] = await Promise.all([readFile(options.certFile, 'utf8'), readFile(options.keyFile, 'utf8')]);
    return { cert, key, selfSigned: false };
  }
  const dir = path.resolve(options.dataDir, 'tls');
  const certPath = path.join(dir, 'self-signed.crt');
  const keyPath = path.join(dir, 'self-signed.key');
  try {
    const [cert, key] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
    return { cert, key, selfSigned: true };
  } catch {
    const pems = await selfsigned.generate([{ name: 'commonName', value: options.hostName }], {
      keyType: 'ec', // fast to make at first start, accepted by browsers and Smack alike
      notAfterDate: new Date(Date.now() + 825 * 86_400_000),
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
    });
    await mkdir(dir, { recursive: true });
    await Promise.all([writeFile(certPath, pems.cert), writeFile(keyPath, pems.private, { mode: 0o600 })]);
    return { cert: pems.cert, key: pems.private, selfSigned: true };
  }
}
