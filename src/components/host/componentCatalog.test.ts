import { describe, expect, it } from 'vitest';
import { componentName, isProcessRole, namesAcrossEras } from './componentCatalog';

describe('componentCatalog', () => {
  it('lists the shim under each era name, absent before 1.11', () => {
    expect(namesAcrossEras('shim')).toEqual([
      { era: 'monolith', name: null },
      { era: 'split', name: 'docker-containerd-shim' },
      { era: 'modern', name: 'containerd-shim-runc-v2' },
    ]);
  });

  it('gives the API version per era for the socket, and nothing for stores', () => {
    expect(namesAcrossEras('api')?.map((entry) => entry.name)).toEqual(['1.22', '1.38', '1.51']);
    expect(namesAcrossEras('volumes')).toBeNull();
  });

  it('names the parts that are not processes the same in every era', () => {
    expect(componentName('monolith', 'api')).toBe('/var/run/docker.sock');
    expect(componentName('modern', 'networks')).toBe('docker0');
    expect(isProcessRole('registry')).toBe(false);
    expect(isProcessRole('runc')).toBe(true);
  });
});
