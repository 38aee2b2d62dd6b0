// 行政区划 region picker: antd TreeSelect, children loaded lazily from GET /regions?parent=.
import { useCallback, useEffect, useRef, useState } from 'react';
import { TreeSelect } from 'antd';
import { api, type Region } from '../api/index.ts';
import { useT } from '../i18n/index.tsx';

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
}

function toNode(r: Region, isRoot: boolean): Node {
  return { id: r.code, pId: isRoot ? null : r.parent, value: r.code, title: r.name, isLeaf: !r.hasChildren };
}

export interface RegionTreeSelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  className?: string;
  id?: string;
  'data-testid'?: string;
}

export function RegionTreeSelect({ value, onChange, placeholder, allowClear = true, ...rest }: RegionTreeSelectProps) {
  const t = useT();
  const [nodes, setNodes] = useState<Node[]>([]);
  const loaded = useRef(new Set<string>());
  const nodesRef = useRef<Node[]>([]);

  const add = useCallback((more: Node[]) => {
    const byId = new Map(nodesRef.current.map((n) => [n.id, n]));
    for (const n of more) if (!byId.has(n.id)) byId.set(n.id, n);
    nodesRef.current = [...byId.values()];
    setNodes(nodesRef.current);
  }, []);

  const loadChildren = useCallback(
    async (parent: string) => {
      if (loaded.current.has(parent)) return;
      loaded.current.add(parent);
      try {
        const children = await api.regions.children(parent);
        add(children.map((r) => ({ ...toNode(r, false), pId: parent })));
      } catch {
        loaded.current.delete(parent);
      }
    },
    [add],
  );

  // Scope roots first.
  useEffect(() => {
    let alive = true;
    api.regions
      .children()
      .then((roots) => {
        if (alive) add(roots.map((r) => toNode(r, true)));
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [add]);

  // A value from the URL or a record: load its ancestors so the label shows the region name.
  useEffect(() => {
    if (!value || nodesRef.current.some((n) => n.id === value)) return;
    let alive = true;
    void (async () => {
      try {
        const detail = await api.regions.get(value);
        for (const p of detail.path.slice(0, -1)) {
          if (!alive) return;
          await loadChildren(p.code);
        }
        if (alive && !nodesRef.current.some((n) => n.id === value)) {
          add([{ id: detail.code, pId: detail.parent, value: detail.code, title: detail.name, isLeaf: true }]);
        }
      } catch {
        /* unknown code: TreeSelect shows the code itself */
      }
    })();
    return () => {
      alive = false;
    };
  }, [value, add, loadChildren]);

  return (
    <TreeSelect
      {...rest}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDataSimpleMode={{ id: 'id', pId: 'pId' }}
      treeData={nodes}
      value={value || undefined}
      onChange={(v: string | undefined) => onChange?.(v || undefined)}
      loadData={(node) => loadChildren(String(node.value))}
      placeholder={placeholder ?? t('region.placeholder')}
      allowClear={allowClear}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto', minWidth: 240 } } }}
    />
  );
}
