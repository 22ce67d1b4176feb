import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface DirectoryEntry {
  id: string;
  name: string;
  code: string;
}

/** The organisations an admin can propose a sharing agreement to: names and codes only. */
@Injectable()
export class OrganisationDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<DirectoryEntry[]> {
    return this.dataSource.query(`SELECT id, name, code FROM organisation ORDER BY name, id`);
  }
}
