import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DomainException } from '../errors/domain.exception';

/**
 * /metrics names every route, queue and error rate: only Prometheus may read it, by the bearer
 * METRICS_TOKEN or from an address in METRICS_ALLOW. The address is the client as Fastify sees
 * it, so a forwarded header counts only from a trusted proxy (TRUST_PROXY).
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  private readonly allowed = new BlockList();
  private readonly token: Buffer | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.token = config.surface.metricsToken ? Buffer.from(config.surface.metricsToken) : null;
    for (const entry of config.surface.metricsAllow) {
      const [address, prefix] = entry.split('/');
      const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (isIP(address) === 0) continue;
      if (prefix === undefined) this.allowed.addAddress(address, family);
      else this.allowed.addSubnet(address, Number(prefix), family);
    }
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (this.token && this.bearerMatches(request.headers.authorization)) return true;
    if (this.addressAllowed(request.ip)) return true;
    throw new DomainException(
      'forbidden',
      'metrics.forbidden',
      'Metrics need the METRICS_TOKEN bearer token or an address in METRICS_ALLOW',
      {
        messageVi: 'Cần mã METRICS_TOKEN hoặc địa chỉ nằm trong METRICS_ALLOW để đọc số liệu vận hành',
      },
    );
  }

  private bearerMatches(header: string | undefined): boolean {
    const given = /^Bearer (.+)$/i.exec(header ?? '')?.[1];
    if (!given || !this.token) return false;
    const bytes = Buffer.from(given);
    return bytes.length === this.token.length && timingSafeEqual(bytes, this.token);
  }

  private addressAllowed(ip: string): boolean {
    // A dual-stack socket reports an IPv4 client as ::ffff:a.b.c.d.
    const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
    if (v4) return this.allowed.check(v4, 'ipv4');
    const family = isIP(ip);
    return family !== 0 && this.allowed.check(ip, family === 6 ? 'ipv6' : 'ipv4');
  }
}
