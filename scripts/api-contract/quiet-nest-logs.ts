import { Logger } from '@nestjs/common';

// Loading the four apps in one process makes @nestjs/typeorm warn, as each module file loads, that
// a data source name repeats (nothing connects). Imported first, so Nest's logs are off by then.
Logger.overrideLogger(false);
