import { Column, CreateDateColumn, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ColumnOptions, ObjectType, RelationOptions } from 'typeorm';

// The column shapes every table repeats, composed from TypeORM's own decorators; the metadata
// they leave is exactly that of the decorators written out (the schema spec compares it with
// the migrations).

type MoreOptions = Omit<ColumnOptions, 'name' | 'type'>;

const all =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };

/** A uuid primary key the database generates. */
export const UuidPrimaryColumn = (): PropertyDecorator => PrimaryGeneratedColumn('uuid');

/** A bigint primary key the database generates (read as a string: it may pass 2^53). */
export const BigintPrimaryColumn = (): PropertyDecorator => PrimaryGeneratedColumn({ type: 'bigint' });

/** `created_at timestamptz`, set on insert. */
export const CreatedAtColumn = (): PropertyDecorator => CreateDateColumn({ name: 'created_at', type: 'timestamptz' });

/** `updated_at timestamptz`, set on every save. */
export const UpdatedAtColumn = (): PropertyDecorator => UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' });

/** A `timestamptz` column (rule: every time column carries its zone). */
export const TimestamptzColumn = (name: string, options: MoreOptions = {}): PropertyDecorator =>
  Column({ name, type: 'timestamptz', ...options });

/**
 * A foreign key, declared once as its relation: many rows to one `target` on `column` (typed as
 * the target's key; `{ nullable: false }` for NOT NULL), under the constraint name the migration
 * gave it.
 */
export const ForeignKey = <T>(
  target: string | (() => ObjectType<T>),
  column: string,
  constraint: string,
  options?: RelationOptions,
): PropertyDecorator => all(ManyToOne(target, options), JoinColumn({ name: column, foreignKeyConstraintName: constraint }));
