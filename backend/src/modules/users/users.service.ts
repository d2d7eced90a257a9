import { Injectable } from '@nestjs/common';
import { UserRecord, UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  findByUsername(username: string): Promise<UserRecord | null> {
    return this.users.findByUsername(username);
  }

  findById(id: string): Promise<UserRecord | null> {
    return this.users.findById(id);
  }

  recordLogin(id: string): Promise<void> {
    return this.users.touchLogin(id);
  }

  setPassword(id: string, passwordHash: string, mustChange: boolean): Promise<void> {
    return this.users.setPassword(id, passwordHash, mustChange);
  }
}
