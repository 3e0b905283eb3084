import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface InboxRow {
  phone: string;
  text: string;
  sealedCode: string | null;
  createdAt: Date;
  status: string;
}

/** Reads the worker's notifications table (read only) for the development inbox. */
@Injectable()
export class DevSmsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  latestTo(phone: string): Promise<InboxRow[]> {
    return this.dataSource.query(
      `SELECT phone, text, sealed_code AS "sealedCode", created_at AS "createdAt", status
         FROM notifications WHERE phone = $1 ORDER BY created_at DESC, id DESC LIMIT 100`,
      [phone],
    ) as Promise<InboxRow[]>;
  }
}
