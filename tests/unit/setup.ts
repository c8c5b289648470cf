// The component project's set-up: the shared one, and a clean DOM after each test.
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import './setup.node';

afterEach(() => cleanup());
