import { Button, Tree, Typography } from 'antd';
import type { TreeProps } from 'antd';
import { ApartmentOutlined, BankOutlined, ClusterOutlined, DownOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { MORE_KEY_PREFIX, type TreeUnit, type UnitTreeNode } from '../hooks/useUnitTree';

function unitIcon(unit: TreeUnit | undefined) {
  if (!unit) return null;
  if (unit.kind === 'department') return <ClusterOutlined />;
  if (unit.kind === 'affiliate') return <ApartmentOutlined />;
  if (unit.parentId === null || unit.parentId === undefined) return <BankOutlined />;
  return <TeamOutlined />;
}

export interface OrgUnitTreeProps {
  treeData: UnitTreeNode[];
  loadedKeys: string[];
  expandedKeys: string[];
  selectedId: string | null;
  loadingMore: string | null;
  levelLabel: (code: string) => string;
  onExpand: (keys: string[]) => void;
  onLoad: (id: string) => Promise<void>;
  onLoadMore: (parentId: string) => void;
  onSelect: (id: string) => void;
}

/** The unit tree: children load when a node is first opened; long lists end with "show more". */
export function OrgUnitTree(props: OrgUnitTreeProps) {
  const { t } = useTranslation();

  const loadData: TreeProps<UnitTreeNode>['loadData'] = async (node) => {
    if (node.moreOf || node.children) return;
    await props.onLoad(node.key);
  };

  return (
    <Tree<UnitTreeNode>
      className="unit-tree"
      blockNode
      showIcon
      showLine={{ showLeafIcon: false }}
      switcherIcon={<DownOutlined />}
      treeData={props.treeData}
      loadData={loadData}
      loadedKeys={props.loadedKeys}
      expandedKeys={props.expandedKeys}
      selectedKeys={props.selectedId ? [props.selectedId] : []}
      onExpand={(keys) => props.onExpand(keys.map(String))}
      onSelect={(_keys, info) => {
        const node = info.node;
        if (node.moreOf) props.onLoadMore(node.moreOf.parentId);
        else if (!String(node.key).startsWith(MORE_KEY_PREFIX)) props.onSelect(String(node.key));
      }}
      icon={(nodeProps) => unitIcon((nodeProps as { data?: UnitTreeNode }).data?.unit)}
      titleRender={(node) =>
        node.moreOf ? (
          <Button type="link" size="small" className="unit-tree__more" loading={props.loadingMore === node.moreOf.parentId}>
            {t('orgUnits.showMore', { count: node.moreOf.remaining, remaining: formatNumber(node.moreOf.remaining) })}
          </Button>
        ) : (
          <span className="unit-tree__title">
            <span className="unit-tree__name">{node.title}</span>
            {node.unit && node.unit.kind !== 'department' && node.unit.kind !== 'affiliate' && (
              <Typography.Text type="secondary" className="unit-tree__level">
                {props.levelLabel(node.unit.level)}
              </Typography.Text>
            )}
          </span>
        )
      }
    />
  );
}
