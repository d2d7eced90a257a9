import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A repository whose service runs several of its statements in one transaction. */
export abstract class TransactionalRepository {
  constructor(@InjectDataSource() protected readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }
}
