import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import '../../src/domain/zodVietnamese';

afterEach(() => cleanup());
