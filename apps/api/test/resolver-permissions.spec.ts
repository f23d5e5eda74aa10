import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { PERMISSIE_METADATA, isPermissie } from '@thuismonitor/auth';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Every Query and Mutation must declare exactly one permission from the policy table. The guard
 * already refuses undeclared handlers at runtime (fail closed); this test names them at build time.
 */
describe('every resolver declares a permission', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('Query and Mutation handlers all carry @Vereist with a known permission', () => {
    const discovery = t.app.get(DiscoveryService);
    const scanner = new MetadataScanner();
    const gevonden: string[] = [];
    const zonder: string[] = [];
    for (const wrapper of discovery.getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      for (const methode of scanner.getAllMethodNames(proto)) {
        const soort = Reflect.getMetadata('graphql:resolver_type', proto[methode]);
        if (soort !== 'Query' && soort !== 'Mutation') continue;
        const naam = `${soort}.${methode} (${proto.constructor.name})`;
        gevonden.push(naam);
        const permissie = Reflect.getMetadata(PERMISSIE_METADATA, proto[methode]);
        if (!permissie || !isPermissie(permissie)) zonder.push(naam);
      }
    }
    expect(gevonden.length).toBeGreaterThan(5);
    expect(zonder).toEqual([]);
  });
});
