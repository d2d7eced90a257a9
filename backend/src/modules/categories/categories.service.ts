import { Injectable } from '@nestjs/common';
import type { CategoryView } from './categories.dto';
import { CategoriesRepository } from './categories.repository';

@Injectable()
export class CategoriesService {
  constructor(private readonly categories: CategoriesRepository) {}

  listActive(): Promise<CategoryView[]> {
    return this.categories.active();
  }
}
