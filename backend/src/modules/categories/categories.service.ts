import { Injectable } from '@nestjs/common';
import { CategoriesRepository, CategoryView } from './categories.repository';

@Injectable()
export class CategoriesService {
  constructor(private readonly categories: CategoriesRepository) {}

  listActive(): Promise<CategoryView[]> {
    return this.categories.active();
  }
}
