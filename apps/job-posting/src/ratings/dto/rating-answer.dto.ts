import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'Rating' })
export class RatingDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  bookingId!: string;

  @ApiProperty({ enum: ['employer', 'worker'], description: 'who rated: the employer rates the worker, the worker the employer' })
  rater!: 'employer' | 'worker';

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 })
  stars!: number;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;
}
