import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { AccountDto } from '../../auth/dto/auth-answer.dto';

@ApiSchema({ name: 'StaffAccount' })
export class StaffAccountDto extends AccountDto {
  @ApiProperty({ type: String, nullable: true, example: '李芳' })
  name!: string | null;
}
