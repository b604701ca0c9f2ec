import { EncryptionName, Fact } from '@network-scorecard/common';
import { RESOURCES, builtIn } from '../reader/resources';
import { ClusterReader, ReadFailure } from '../reader/types';
import { cniSightings } from './cni';
import { felixDefault } from './support/calico';
import { ciliumConfig } from './support/cilium';
import { Detector, guarded, known, notApplicable } from './support/facts';
import { asString, dig, ref } from './support/objects';

async function ciliumEncryption(
  reader: ClusterReader,
): Promise<Fact<EncryptionName>> {
  const config = (await ciliumConfig(reader))!;
  const wireguard = config.flag('enable-wireguard');
  const ipsec = config.flag('enable-ipsec');
  const evidence = [wireguard.evidence, ipsec.evidence];
  if (wireguard.on) return known('wireguard', evidence);
  return known(ipsec.on ? 'ipsec' : 'none', evidence);
}

async function calicoEncryption(
  reader: ClusterReader,
): Promise<Fact<EncryptionName>> {
  const felix = await felixDefault(reader);
  if (!felix)
    return known('none', [
      'no FelixConfiguration default: WireGuard off (Calico default)',
    ]);
  const v4 = dig(felix, 'spec', 'wireguardEnabled') === true;
  const v6 = dig(felix, 'spec', 'wireguardEnabledV6') === true;
  const where = ref(felix, 'FelixConfiguration');
  if (v4 || v6)
    return known('wireguard', [
      `${where}: spec.wireguardEnabled${v4 ? '' : 'V6'}=true`,
    ]);
  return known('none', [`${where}: spec.wireguardEnabled not true`]);
}

async function flannelEncryption(
  reader: ClusterReader,
  namespace?: string,
): Promise<Fact<EncryptionName>> {
  const cm = await reader.get(
    builtIn(RESOURCES.ConfigMap),
    'kube-flannel-cfg',
    namespace,
  );
  let backend: string | undefined;
  try {
    backend = asString(
      dig(
        JSON.parse(asString(dig(cm, 'data', 'net-conf.json')) ?? '{}'),
        'Backend',
        'Type',
      ),
    );
  } catch {
    throw new ReadFailure(
      'error',
      `${ref(cm, 'ConfigMap')}: net-conf.json is not valid JSON`,
    );
  }
  const evidence = [
    `${ref(cm, 'ConfigMap')}: net-conf.json Backend.Type=${
      backend ?? '(absent: vxlan)'
    }`,
  ];
  if (backend === 'wireguard') return known('wireguard', evidence);
  return known(backend === 'ipsec' ? 'ipsec' : 'none', evidence);
}

/** Fact encryption: transparent pod-to-pod encryption of the main CNI. */
export const detectEncryption: Detector = async reader => ({
  encryption: await guarded(async () => {
    const { sightings } = await cniSightings(reader);
    const primary = sightings[0];
    if (!primary) return notApplicable('no CNI found');
    switch (primary.cni) {
      case 'cilium':
        return ciliumEncryption(reader);
      case 'calico':
        return calicoEncryption(reader);
      case 'flannel':
        return flannelEncryption(reader, primary.ds.metadata.namespace);
      default:
        return notApplicable(
          `encryption of ${ref(primary.ds, 'DaemonSet')} is not inspected`,
          [primary.evidence],
        );
    }
  }),
});
