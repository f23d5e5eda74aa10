import { Global, Module } from '@nestjs/common';
import { ScopedDb } from './scoped-db.service';
import { AuditService } from '../audit/audit.service';
import { CacheSignalen } from './cache-signalen';

@Global()
@Module({ providers: [ScopedDb, AuditService, CacheSignalen], exports: [ScopedDb, AuditService, CacheSignalen] })
export class DatabaseModule {}
