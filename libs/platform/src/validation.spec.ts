import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, ValidateNested } from 'class-validator';
import { createValidationPipe } from './validation';

class Pay {
  @IsInt()
  amountFen!: number;
}
class Input {
  @IsString()
  title!: string;

  @ValidateNested()
  @Type(() => Pay)
  pay!: Pay;
}

async function problems(body: unknown): Promise<string[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: Input });
  } catch (error) {
    return ((error as BadRequestException).getResponse() as { message: string[] }).message;
  }
  return [];
}

describe('createValidationPipe', () => {
  it('lists every problem, nested ones by their full path, and refuses unknown fields', async () => {
    expect(await problems({ title: 5, pay: { amountFen: 'x', tip: 1 }, extra: true })).toEqual(
      expect.arrayContaining([
        'property extra should not exist',
        'title must be a string',
        'pay.amountFen must be an integer number',
        'property pay.tip should not exist',
      ]),
    );
  });

  it('does not convert types in bodies', async () => {
    expect(await problems({ title: 'ok', pay: { amountFen: '100' } })).toEqual(['pay.amountFen must be an integer number']);
  });

  it('passes a good body through as the DTO class', async () => {
    const value = (await createValidationPipe().transform(
      { title: 'ok', pay: { amountFen: 100 } },
      { type: 'body', metatype: Input },
    )) as Input;
    expect(value).toBeInstanceOf(Input);
    expect(value.pay).toBeInstanceOf(Pay);
  });
});
