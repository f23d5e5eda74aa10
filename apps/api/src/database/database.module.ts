import { Global, Module } from '@nestjs/common';
import { ScopedDb } from './scoped-db.service';
import { AuditService } from '../audit/audit.service';

@Global()
@Module({ providers: [ScopedDb, AuditService], exports: [ScopedDb, AuditService] })
export class DatabaseModule {}
