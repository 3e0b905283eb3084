import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { AccountDto } from '../../auth/dto/auth-answer.dto';

@ApiSchema({ name: 'StaffAccount' })
export class StaffAccountDto extends AccountDto {
  @ApiProperty({ type: String, nullable: true, example: '李芳' })
  name!: string | null;

  @ApiProperty({ description: 'A disabled account cannot sign in and its tokens are refused' })
  disabled!: boolean;
}
