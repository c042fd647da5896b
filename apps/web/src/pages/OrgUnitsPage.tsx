import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Col, Drawer, Empty, Grid, Input, Row, Skeleton, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '@sen/contracts';
import { formatNumber } from '../lib/format';
import { levelLabel as labelOfLevel } from '../lib/labels';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { currentLanguage } from '../i18n';
import { useCanEditUnits, useMe } from '../modules/auth/hooks/useSession';
import { AddChildModal } from '../modules/org-units/components/AddChildModal';
import { ImportModal } from '../modules/org-units/components/ImportModal';
import { MergeModal } from '../modules/org-units/components/MergeModal';
import { MoveModal } from '../modules/org-units/components/MoveModal';
import { OrgUnitDetail, type UnitAction } from '../modules/org-units/components/OrgUnitDetail';
import { OrgUnitSearchResults } from '../modules/org-units/components/OrgUnitSearchResults';
import { OrgUnitTree } from '../modules/org-units/components/OrgUnitTree';
import { UnitRollupPanel } from '../modules/rollups/components/UnitRollupPanel';
import { RenameModal } from '../modules/org-units/components/RenameModal';
import { useUnitDetail } from '../modules/org-units/hooks/useOrgUnits';
import { useUnitTree, type TreeUnit } from '../modules/org-units/hooks/useUnitTree';

type OpenDialog = { action: UnitAction; unit: OrgUnit } | { action: 'import' } | null;

const NO_ROOTS: TreeUnit[] = [];

export function OrgUnitsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { unitId } = useParams<{ unitId?: string }>();
  const screens = Grid.useBreakpoint();
  const wide = !!screens.lg;
  const me = useMe();
  const canEdit = useCanEditUnits();
  const roots = me.data?.units ?? NO_ROOTS;
  const rootIds = useMemo(() => roots.map((r) => r.id), [roots]);
  const tree = useUnitTree(roots);
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), 300);
  const [dialog, setDialog] = useState<OpenDialog>(null);

  const levels = me.data?.tenant.levels;
  const levelLabel = useCallback((code: string) => labelOfLevel(code, levels, language, t), [levels, language, t]);

  // On a wide screen the panel always shows something: the first root until a unit is picked.
  const selectedId = unitId ?? (wide ? (roots[0]?.id ?? null) : null);
  const select = useCallback((id: string) => navigate(`/org-units/${id}`), [navigate]);

  // Open the tree down to the selected unit (after a search, a deep link, a move…).
  const detail = useUnitDetail(selectedId);
  const { reveal } = tree;
  useEffect(() => {
    if (!detail.data) return;
    let cancelled = false;
    void reveal(detail.data.path, detail.data.id).then(() => {
      // Once the ancestors are open, bring the selected node into the tree's view.
      setTimeout(() => {
        if (!cancelled) document.querySelector('.unit-tree .ant-tree-treenode-selected')?.scrollIntoView({ block: 'nearest' });
      }, 350);
    });
    return () => {
      cancelled = true;
    };
  }, [detail.data, reveal]);

  const afterChange = async (text: string) => {
    setDialog(null);
    void message.success(text);
    await tree.reloadLoaded();
  };

  const detailPanel = (
    <>
    <OrgUnitDetail
      unitId={selectedId}
      rootIds={rootIds}
      canEdit={canEdit}
      levelLabel={levelLabel}
      onSelect={select}
      onAction={(action, unit) => setDialog({ action, unit })}
      bordered={wide}
    />
    {selectedId && (
      <div className="unit-rollup-wrap">
        <UnitRollupPanel unitId={selectedId} bordered={wide} />
      </div>
    )}
    </>
  );

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <Typography.Title level={2} className="page__title">
            {t('orgUnits.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{me.data?.tenant.name}</Typography.Text>
        </div>
        {canEdit && (
          <Button icon={<UploadOutlined />} onClick={() => setDialog({ action: 'import' })}>
            {t('orgUnits.actions.import')}
          </Button>
        )}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xl={9}>
          <Card className="unit-tree-card" title={t('orgUnits.treeTitle')}>
            <Input.Search
              allowClear
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={(v) => setSearch(v)}
              placeholder={t('orgUnits.search.placeholder')}
              aria-label={t('orgUnits.search.label')}
              enterButton={false}
              style={{ marginBottom: 12 }}
            />
            {query ? (
              <OrgUnitSearchResults query={query} selectedId={selectedId} levelLabel={levelLabel} onOpen={(u) => select(u.id)} />
            ) : me.isLoading ? (
              <Skeleton active paragraph={{ rows: 5 }} title={false} />
            ) : roots.length === 0 ? (
              <Empty description={t('orgUnits.noRoots')} />
            ) : (
              <div className="unit-tree-scroll">
              <OrgUnitTree
                treeData={tree.treeData}
                loadedKeys={tree.loadedKeys}
                expandedKeys={tree.expandedKeys}
                selectedId={selectedId}
                loadingMore={tree.loadingMore}
                levelLabel={levelLabel}
                onExpand={tree.setExpandedKeys}
                onLoad={tree.loadChildren}
                onLoadMore={(id) => void tree.loadMore(id)}
                onSelect={select}
              />
              </div>
            )}
          </Card>
        </Col>
        {wide && (
          <Col lg={14} xl={15}>
            <div className="unit-detail-sticky">{detailPanel}</div>
          </Col>
        )}
      </Row>
      {!wide && (
        <Drawer
          open={!!unitId}
          onClose={() => navigate('/org-units')}
          placement={screens.md ? 'right' : 'bottom'}
          width={screens.md ? 560 : undefined}
          height={screens.md ? undefined : '85%'}
          title={t('orgUnits.detail.title')}
          styles={{ body: { padding: 12 } }}
          destroyOnHidden
        >
          {detailPanel}
        </Drawer>
      )}

      {dialog?.action === 'add' && me.data && (
        <AddChildModal
          open
          parent={dialog.unit}
          levels={me.data.tenant.levels}
          levelLabel={levelLabel}
          onClose={() => setDialog(null)}
          onCreated={(created) => {
            const parentId = dialog.unit.id;
            tree.setExpandedKeys([...new Set([...tree.expandedKeys, parentId])]);
            void afterChange(t('orgUnits.add.done'));
            if (created?.id) select(created.id);
          }}
        />
      )}
      {dialog?.action === 'rename' && (
        <RenameModal open unit={dialog.unit} onClose={() => setDialog(null)} onDone={() => void afterChange(t('orgUnits.rename.done'))} />
      )}
      {dialog?.action === 'move' && (
        <MoveModal
          open
          unit={dialog.unit}
          levelLabel={levelLabel}
          onClose={() => setDialog(null)}
          onDone={() => void afterChange(t('orgUnits.move.done'))}
        />
      )}
      {dialog?.action === 'merge' && (
        <MergeModal
          open
          unit={dialog.unit}
          levelLabel={levelLabel}
          onClose={() => setDialog(null)}
          onDone={(result) => {
            void afterChange(t('orgUnits.merge.done'));
            if (result.id) select(result.id);
          }}
        />
      )}
      {dialog?.action === 'import' && (
        <ImportModal
          open
          onClose={() => setDialog(null)}
          onImported={(created) => {
            void message.success(t('orgUnits.import.created', { count: created, n: formatNumber(created) }));
            void tree.reloadLoaded();
          }}
        />
      )}
    </div>
  );
}
