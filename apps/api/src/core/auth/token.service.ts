import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import type { Role } from '@sen/contracts';
import { API_CONFIG, type ApiConfig } from '../config/config';
import { UnauthenticatedError } from '../errors/domain-error';
import type { Actor } from './actor';

interface AccessClaims {
  sub: string;
  usr: string;
  tid: string;
  tc: string;
  roles: Role[];
  units: string[];
}

/**
 * Access tokens: short-lived JWTs (HS256) carrying the actor. Keys have ids: the first configured key
 * signs, every configured key verifies, so keys rotate without logging anyone out (add the new key in
 * front, remove the old one after the access-token lifetime).
 */
@Injectable()
export class TokenService {
  // Key objects made once: given a string, jsonwebtoken builds a key object on every sign and verify, which
  // was a tenth of the cost of an authenticated request (measured with the comparison endpoint).
  private readonly keys: Map<string, KeyObject>;
  private readonly signingKid: string;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {
    this.keys = new Map(config.JWT_SECRETS.map((k) => [k.kid, createSecretKey(Buffer.from(k.secret, 'utf8'))]));
    this.signingKid = config.JWT_SECRETS[0]!.kid;
  }

  signAccessToken(actor: Actor): string {
    const claims: AccessClaims = {
      sub: actor.userId,
      usr: actor.username,
      tid: actor.tenantId,
      tc: actor.tenantCode,
      roles: actor.roles,
      units: actor.unitIds,
    };
    return jwt.sign(claims, this.keys.get(this.signingKid)!, {
      algorithm: 'HS256',
      keyid: this.signingKid,
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      issuer: 'sen',
      // A unique id per token: two logins in the same second never produce the same token.
      jwtid: randomUUID(),
    });
  }

  verifyAccessToken(token: string): Actor {
    const decoded = jwt.decode(token, { complete: true });
    const kid = decoded?.header.kid;
    const secret = kid ? this.keys.get(kid) : undefined;
    if (!secret) throw new UnauthenticatedError('Phiên đăng nhập không hợp lệ', 'Invalid access token');
    try {
      const c = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: 'sen' }) as AccessClaims;
      return { userId: c.sub, username: c.usr, tenantId: c.tid, tenantCode: c.tc, roles: c.roles, unitIds: c.units };
    } catch (err) {
      if (err instanceof jwt.TokenExpiredError) {
        throw new UnauthenticatedError('Phiên đăng nhập đã hết hạn', 'Access token expired', 'TOKEN_EXPIRED');
      }
      throw new UnauthenticatedError('Phiên đăng nhập không hợp lệ', 'Invalid access token');
    }
  }
}
