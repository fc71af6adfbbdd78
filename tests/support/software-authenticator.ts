// A software authenticator for tests: what a security key or a phone does in a WebAuthn ceremony,
// with a node:crypto P-256 key (ES256), so @simplewebauthn/server verifies real answers. It makes
// "none" attestations at registration and signed assertions at sign-in, as JSON text the way
// @simplewebauthn/browser sends it; overrides make the wrong answers the tests need.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";

type Cbor = number | string | Uint8Array | Cbor[] | Map<number | string, Cbor> | { [key: string]: Cbor };

function head(major: number, value: number): Buffer {
  if (value < 24) return Buffer.from([(major << 5) | value]);
  if (value < 0x100) return Buffer.from([(major << 5) | 24, value]);
  if (value < 0x10000) return Buffer.from([(major << 5) | 25, value >> 8, value & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(value, 1);
  return b;
}

/** Just enough CBOR (RFC 8949) for attestation objects and COSE keys: integers, text, bytes, arrays, maps. */
export function cbor(value: Cbor): Buffer {
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") {
    const bytes = Buffer.from(value, "utf8");
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), Buffer.from(value)]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(cbor)]);
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  return Buffer.concat([head(5, entries.length), ...entries.flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

interface CeremonyOverrides {
  /** The origin the browser reports (default: the authenticator's). */
  origin?: string;
  /** The challenge signed (default: the one in the options). */
  challenge?: string;
  /** The RP ID whose hash goes in the authenticator data (default: the options' or the authenticator's). */
  rpId?: string;
}

export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(32);
  /** The signature counter, moved on by each assertion. */
  counter = 0;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  constructor(readonly origin = "http://localhost:3000") {
    const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  private rpId(options: { rpId?: string; rp?: { id?: string } }, overrides: CeremonyOverrides): string {
    return overrides.rpId ?? options.rpId ?? options.rp?.id ?? new URL(this.origin).hostname;
  }

  private clientData(type: "webauthn.create" | "webauthn.get", challenge: string, overrides: CeremonyOverrides): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge: overrides.challenge ?? challenge, origin: overrides.origin ?? this.origin, crossOrigin: false }));
  }

  private coseKey(): Buffer {
    const jwk = this.publicKey.export({ format: "jwk" });
    return cbor(
      new Map<number, Cbor>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x!, "base64url")],
        [-3, Buffer.from(jwk.y!, "base64url")],
      ]),
    );
  }

  /** The answer to startRegistration's options (`challenge`, `rp.id`), as RegistrationResponseJSON text. */
  register(options: { challenge: string; rp: { id?: string } }, overrides: CeremonyOverrides = {}): string {
    const clientDataJSON = this.clientData("webauthn.create", options.challenge, overrides);
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([
      sha256(this.rpId(options, overrides)),
      Buffer.from([FLAG_UP | FLAG_UV | FLAG_AT]),
      counter,
      Buffer.alloc(16), // AAGUID: none
      idLength,
      this.credentialId,
      this.coseKey(),
    ]);
    const attestationObject = cbor({ fmt: "none", attStmt: {}, authData });
    return JSON.stringify({
      id: this.id,
      rawId: this.id,
      type: "public-key",
      clientExtensionResults: {},
      authenticatorAttachment: "cross-platform",
      response: { clientDataJSON: b64url(clientDataJSON), attestationObject: b64url(attestationObject), transports: ["usb"] },
    });
  }

  /**
   * The answer to startAuthentication's options (`challenge`, `rpId`), as AuthenticationResponseJSON
   * text. The counter moves on by one unless `counter` says which value to sign.
   */
  authenticate(options: { challenge: string; rpId?: string }, overrides: CeremonyOverrides & { counter?: number } = {}): string {
    this.counter = overrides.counter ?? this.counter + 1;
    const clientDataJSON = this.clientData("webauthn.get", options.challenge, overrides);
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    const authenticatorData = Buffer.concat([sha256(this.rpId(options, overrides)), Buffer.from([FLAG_UP | FLAG_UV]), counter]);
    // ES256 over authenticatorData ‖ SHA-256(clientDataJSON), DER-encoded as authenticators send it.
    const signature = sign("sha256", Buffer.concat([authenticatorData, sha256(clientDataJSON)]), this.privateKey);
    return JSON.stringify({
      id: this.id,
      rawId: this.id,
      type: "public-key",
      clientExtensionResults: {},
      authenticatorAttachment: "cross-platform",
      response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authenticatorData), signature: b64url(signature) },
    });
  }
}
