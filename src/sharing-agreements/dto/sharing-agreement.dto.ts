import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ProposeAgreementDto {
  @ApiProperty({ description: 'the organisation to match across with (see GET /v1/organisations)' })
  @IsUUID()
  partnerOrganisationId: string;
}

export interface AgreementView {
  id: string;
  partnerOrganisationId: string;
  approvedByUs: boolean;
  approvedByPartner: boolean;
  active: boolean;
  withdrawnAt: Date | null;
  createdAt: Date;
}
