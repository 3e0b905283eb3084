import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface EmployerStanding {
  name: string;
  verified: boolean;
  /** Mean stars seekers gave, null before the first. */
  rating: number | null;
  ratings: number;
}

@Injectable()
export class ShiftEmployerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async standing(employerId: string): Promise<EmployerStanding | null> {
    const [row] = (await this.dataSource.query(
      `SELECT e.name, e.verified_at IS NOT NULL AS verified,
              (SELECT avg(r.stars)::float8 FROM ratings r WHERE r.employer_id = e.id AND r.rater = 'worker') AS rating,
              (SELECT count(*)::int FROM ratings r WHERE r.employer_id = e.id AND r.rater = 'worker') AS ratings
         FROM employers e WHERE e.id = $1`,
      [employerId],
    )) as EmployerStanding[];
    return row ?? null;
  }
}
