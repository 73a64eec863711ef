import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {generate} from 'selfsigned'

/** A TLS key and certificate in PEM format. */
export interface Certificate {
  key: string
  cert: string
}

/**
 * The lake's self-signed certificate for `localhost`, `*.localhost` and the loopback addresses,
 * made on first start and kept in `folder` so browsers see the same one every time.
 *
 * @param folder - where `lake-key.pem` and `lake-cert.pem` are kept (the dataset's folder)
 * @returns the key and certificate
 */
export async function localCertificate(folder: string): Promise<Certificate> {
  const keyPath = join(folder, 'lake-key.pem')
  const certPath = join(folder, 'lake-cert.pem')
  const [key, cert] = await Promise.all([
    readFile(keyPath, 'utf8'),
    readFile(certPath, 'utf8'),
  ]).catch(() => [undefined, undefined])
  if (key && cert) return {key, cert}
  const pems = await generate([{name: 'commonName', value: 'localhost'}], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 825 * 24 * 60 * 60 * 1000),
    extensions: [
      {name: 'basicConstraints', cA: false},
      {name: 'keyUsage', digitalSignature: true, keyEncipherment: true},
      {name: 'extKeyUsage', serverAuth: true},
      {
        name: 'subjectAltName',
        altNames: [
          {type: 2, value: 'localhost'},
          {type: 2, value: '*.localhost'},
          {type: 7, ip: '127.0.0.1'},
          {type: 7, ip: '::1'},
        ],
      },
    ],
  })
  await mkdir(folder, {recursive: true})
  await writeFile(keyPath, pems.private, {mode: 0o600})
  await writeFile(certPath, pems.cert)
  return {key: pems.private, cert: pems.cert}
}
