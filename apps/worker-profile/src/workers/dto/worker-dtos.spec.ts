import { BadRequestException, type Type } from '@nestjs/common';
import { createValidationPipe } from '@lingong/platform';
import { CreateWorkerDto } from './create-worker.dto';
import { ListWorkersQuery } from './list-workers.query';
import { SetPriorityGroupDto } from './set-priority-group.dto';
import { UpdateWorkerDto } from './update-worker.dto';

async function problems(metatype: Type, value: unknown, type: 'body' | 'query' = 'body'): Promise<string[]> {
  try {
    await createValidationPipe().transform(value, { type, metatype });
  } catch (error) {
    return ((error as BadRequestException).getResponse() as { message: string[] }).message;
  }
  return [];
}

const profile = {
  name: ' 王建国 ',
  street: '永中街道',
  lat: 27.93,
  lng: 120.81,
  skills: [{ code: 'loading', years: 3 }],
  hasSmartphone: false,
  consent: { dataProcessing: true, sms: true },
};

describe('CreateWorkerDto', () => {
  it('takes the profile input with the optional fields left out', async () => {
    expect(await problems(CreateWorkerDto, profile)).toEqual([]);
    const dto = (await createValidationPipe().transform(profile, { type: 'body', metatype: CreateWorkerDto })) as CreateWorkerDto;
    expect(dto.name).toBe('王建国');
  });

  it('checks a resident ID against GB 11643 and lists every problem', async () => {
    expect(
      await problems(CreateWorkerDto, { ...profile, residentId: '110105194912310021', skills: [{ code: 'Loading', years: -1 }] }),
    ).toEqual(
      expect.arrayContaining([
        'residentId must be a valid 18-character resident identity number (GB 11643)',
        'skills.0.code must be a lowercase skill code',
        'skills.0.years must not be less than 0',
      ]),
    );
    expect(await problems(CreateWorkerDto, { ...profile, residentId: '11010519491231002x' })).toEqual([]);
    expect(await problems(CreateWorkerDto, { ...profile, certificates: [{ code: 'health', expiresOn: '2027-02-30' }] })).toEqual([
      'certificates.0.expiresOn must be a date YYYY-MM-DD between 2000-01-01 and 2099-12-31',
    ]);
  });
});

describe('UpdateWorkerDto', () => {
  it('takes any part of the profile, or nothing', async () => {
    expect(await problems(UpdateWorkerDto, {})).toEqual([]);
    expect(await problems(UpdateWorkerDto, { maxDistanceKm: 5, consent: { sms: false } })).toEqual([]);
  });

  it('refuses nulls, the phone, the priority group and withdrawing data-processing consent', async () => {
    const found = await problems(UpdateWorkerDto, {
      name: null,
      maxDistanceKm: null,
      phone: '13700000001',
      priorityGroup: 'low_income',
      consent: { dataProcessing: false },
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'name must be a string',
        'maxDistanceKm must be an integer number',
        'property phone should not exist',
        'property priorityGroup should not exist',
        expect.stringMatching(/^consent\.dataProcessing cannot be withdrawn here/),
      ]),
    );
  });
});

describe('SetPriorityGroupDto and ListWorkersQuery', () => {
  it("needs the seeker's consent, literally true", async () => {
    expect(await problems(SetPriorityGroupDto, { group: 'low_income' })).toEqual([
      "consent must be true: staff set a priority group only with the seeker's consent",
    ]);
    expect(await problems(SetPriorityGroupDto, { group: 'low_income', consent: 'true' })).toHaveLength(1);
    expect(await problems(SetPriorityGroupDto, { group: 'rich', consent: true })).toHaveLength(1);
  });

  it('converts query strings explicitly and refuses repeated or malformed ones', async () => {
    expect(await problems(ListWorkersQuery, { limit: '5', phone: '+86 137-0000-0001', skill: 'loading' }, 'query')).toEqual([]);
    expect(await problems(ListWorkersQuery, { limit: '0' }, 'query')).toHaveLength(1);
    expect(await problems(ListWorkersQuery, { phone: ['13700000001', '13700000002'] }, 'query')).toHaveLength(1);
    expect(await problems(ListWorkersQuery, { skill: "x'; drop" }, 'query')).toHaveLength(1);
  });
});
