import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../engine/http/public.decorator';
import { CategoryView } from './categories.repository';
import { CategoriesService } from './categories.service';

@ApiTags('categories')
@Public()
@Controller('api/v1/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  /** The Open311 services citizens pick from, grouped and ordered for the picker. */
  @Get()
  @Header('cache-control', 'public, max-age=60')
  list(): Promise<CategoryView[]> {
    return this.categories.listActive();
  }
}
