import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '../../engine/http/public.decorator';
import { CategoryView, categoryViewSchema } from './categories.dto';
import { CategoriesService } from './categories.service';

@ApiTags('categories')
@Public()
@Controller('api/v1/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  /** The Open311 services citizens pick from, grouped and ordered for the picker. */
  @Get()
  @Header('cache-control', 'public, max-age=60')
  @ApiOkResponse({ standardSchema: z.array(categoryViewSchema) })
  list(): Promise<CategoryView[]> {
    return this.categories.listActive();
  }
}
