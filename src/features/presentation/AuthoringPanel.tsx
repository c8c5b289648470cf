// Authoring: choose the layers, select or frame sites on the map, then "add current view as a slide"
// gives the JSON of that slide for story.json, to copy.
import { useRef, useState } from 'react';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/messages';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { LAYER_KEYS, type LayerKey } from '../../domain/layers';
import { slideFromView } from './slideJson';

const LAYER_LABEL: Record<LayerKey, MessageKey> = {
  'kcn-existing': 'group_kcn_existing',
  'kcn-planned': 'group_kcn_planned',
  'ccn-existing': 'group_ccn_existing',
  'ccn-planned': 'group_ccn_planned',
  clearance: 'layer_clearance',
  roads: 'layer_roads',
  relocations: 'layer_relocations',
  landmarks: 'layer_landmarks',
  parcelTiles: 'layer_parcelTiles',
};

type CopyState = 'idle' | 'copied' | 'failed';

export function AuthoringPanel() {
  const { t } = useT();
  const store = useAppStoreApi();
  const camera = useAppStore((s) => s.camera);
  const visible = useAppStore((s) => s.visible);
  const setLayerVisible = useAppStore((s) => s.setLayerVisible);
  const [json, setJson] = useState('');
  const [copy, setCopy] = useState<CopyState>('idle');
  const area = useRef<HTMLTextAreaElement>(null);

  const add = () => {
    const s = store.getState();
    if (!s.camera || !s.region) return;
    const data = s.region.data;
    const slide = slideFromView({
      camera: s.camera,
      visible: s.visible,
      highlighted: s.highlighted,
      selected: s.selected,
      regionName: data.region.name,
      sites: data.sites.features.map((f) => f.properties),
      usedIds: data.story?.slides.map((sl) => sl.id) ?? [],
    });
    setJson(JSON.stringify(slide, null, 2));
    setCopy('idle');
  };

  const copyJson = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(json);
      setCopy('copied');
    } catch {
      // Clipboard access needs a secure context and permission; selecting the text leaves Ctrl+C.
      area.current?.focus();
      area.current?.select();
      setCopy('failed');
    }
  };

  return (
    <section className="present-author" aria-labelledby="present-author-title">
      <h2 id="present-author-title">{t.present_authorTitle}</h2>
      <p className="present-author-explain">{t.present_authorExplain}</p>
      <fieldset>
        <legend>{t.present_authorLayers}</legend>
        {LAYER_KEYS.map((k) => (
          <label key={k}>
            <input type="checkbox" checked={visible[k]} onChange={(e) => setLayerVisible(k, e.target.checked)} /> {t[LAYER_LABEL[k]] as string}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={add} disabled={!camera}>
        {t.present_addView}
      </button>
      {!camera ? <p className="present-author-explain">{t.present_noCamera}</p> : null}
      {json ? (
        <>
          <label className="present-json">
            {t.present_json}
            <textarea ref={area} readOnly value={json} rows={14} spellCheck={false} />
          </label>
          <button type="button" onClick={() => void copyJson()}>
            {t.present_copy}
          </button>
          <p role="status" className="present-author-explain">
            {copy === 'copied' ? t.present_copied : copy === 'failed' ? t.present_copyFailed : ''}
          </p>
        </>
      ) : null}
    </section>
  );
}
