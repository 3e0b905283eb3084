import { InitialSchema1795875764269 } from './1795875764269-initial-schema';
import { BookingsAndTrust1795877883853 } from './1795877883853-bookings-and-trust';
import { DispatchPlans1795879529553 } from './1795879529553-dispatch-plans';
import { QuietHours1795879969169 } from './1795879969169-quiet-hours';
import { Offers1795882176649 } from './1795882176649-offers';
import { DeliveryReceipts1795883149886 } from './1795883149886-delivery-receipts';
import { AttendanceConfirmation1795884525170 } from './1795884525170-attendance-confirmation';
import { WorkerDirectoryIndex1795886890204 } from './1795886890204-worker-directory-index';
import { ResidentIdConflict1796000000000 } from './1796000000000-resident-id-conflict';
import { ErasureAndRevocation1796100000000 } from './1796100000000-erasure-and-revocation';
import { GatewayMessages1796200000000 } from './1796200000000-gateway-messages';
import { StaffSignInFailures1796200100000 } from './1796200100000-staff-sign-in-failures';
import { SealedSignInCodes1796200200000 } from './1796200200000-sealed-sign-in-codes';
import { Reliability1796300000000 } from './1796300000000-reliability';
import { KioskFigures1796500000000 } from './1796500000000-kiosk-figures';
import { CandidateReach1796600000000 } from './1796600000000-candidate-reach';
import { AvailabilityIndex1796700000000 } from './1796700000000-availability-index';
import { SeekerFigures1796700100000 } from './1796700100000-seeker-figures';
import { FairnessMedians1796700200000 } from './1796700200000-fairness-medians';
import { ReachIndexAlone1796700300000 } from './1796700300000-reach-index-alone';
import { AvailabilityIndexAlone1796700400000 } from './1796700400000-availability-index-alone';
import { ConsentDesk1796800000000 } from './1796800000000-consent-desk';
import { ReachWithoutPhone1796800100000 } from './1796800100000-reach-without-phone';
import { OfficeReviewAndFigures1796900000000 } from './1796900000000-office-review-and-figures';
import { UrgentSmsLane1797100000000 } from './1797100000000-urgent-sms-lane';
import { SeekerChanges1797500000000 } from './1797500000000-seeker-changes';
import { ReachIndexRetired1797500100000 } from './1797500100000-reach-index-retired';
import { BookedDuringIndex1797600000000 } from './1797600000000-booked-during-index';
import { AlertAudienceIndex1797700000000 } from './1797700000000-alert-audience-index';
import { NoJit1797700100000 } from './1797700100000-no-jit';
import { OpenShiftFiguresIndex1797700200000 } from './1797700200000-open-shift-figures-index';
import { HeldDuringByTimes1797700300000 } from './1797700300000-held-during-by-times';

/** The one migration history, in order. Listed explicitly rather than globbed, so builds carry them. */
export const migrations = [
  InitialSchema1795875764269,
  BookingsAndTrust1795877883853,
  DispatchPlans1795879529553,
  QuietHours1795879969169,
  Offers1795882176649,
  DeliveryReceipts1795883149886,
  AttendanceConfirmation1795884525170,
  WorkerDirectoryIndex1795886890204,
  ResidentIdConflict1796000000000,
  ErasureAndRevocation1796100000000,
  GatewayMessages1796200000000,
  StaffSignInFailures1796200100000,
  SealedSignInCodes1796200200000,
  Reliability1796300000000,
  KioskFigures1796500000000,
  CandidateReach1796600000000,
  AvailabilityIndex1796700000000,
  SeekerFigures1796700100000,
  FairnessMedians1796700200000,
  ReachIndexAlone1796700300000,
  AvailabilityIndexAlone1796700400000,
  ConsentDesk1796800000000,
  ReachWithoutPhone1796800100000,
  OfficeReviewAndFigures1796900000000,
  UrgentSmsLane1797100000000,
  SeekerChanges1797500000000,
  ReachIndexRetired1797500100000,
  BookedDuringIndex1797600000000,
  AlertAudienceIndex1797700000000,
  NoJit1797700100000,
  OpenShiftFiguresIndex1797700200000,
  HeldDuringByTimes1797700300000,
];
