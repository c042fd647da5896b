import { fireEvent, screen, within } from '@testing-library/react';
import type { IndicatorListItem } from '@sen/contracts';
import type { Session } from '../lib/session';
import { fakeApi } from '../test/fake-api';
import { renderWithApp } from '../test/render';
import { IndicatorsPage } from './IndicatorsPage';

const session: Session = { accessToken: 'a', refreshToken: 'r'.repeat(30), user: { id: '2', username: 'admin', tenant: 'HN', roles: ['viewer'], unitId: '14' } };
const items: IndicatorListItem[] = [
  { code: 'HOI_VIEN_MOI', name: 'Số hội viên mới kết nạp', unit: 'người', valueType: 'integer', kind: 'flow', aggregation: 'sum', national: true },
  { code: 'HOI_VIEN', name: 'Số hội viên', unit: 'người', valueType: 'integer', kind: 'stock', aggregation: 'sum', national: true },
  { code: 'TY_LE_TAP_HOP', name: 'Tỷ lệ tập hợp phụ nữ', unit: '%', valueType: 'percentage', kind: 'stock', aggregation: 'ratio', national: false },
];

describe('IndicatorsPage', () => {
  it('lists the indicators with Vietnamese labels and filters them ignoring diacritics', async () => {
    const { fetch } = fakeApi({ 'GET /api/v1/indicators': () => ({ items, total: items.length }) });
    renderWithApp(<IndicatorsPage />, { fetch, session, path: '/indicators', routePath: '/indicators' });

    const table = await screen.findByRole('table');
    await within(table).findByText('Số hội viên mới kết nạp');
    expect(within(table).getAllByText('Thời điểm')).toHaveLength(2);
    expect(within(table).getByText('Lũy kế theo kỳ')).toBeInTheDocument();
    expect(within(table).getByText('Tỷ lệ (tổng tử số / tổng mẫu số)')).toBeInTheDocument();
    expect(within(table).getAllByText('Quốc gia').length).toBeGreaterThan(0);
    expect(screen.getByText('3 chỉ tiêu')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Tìm chỉ tiêu'), { target: { value: 'hoi vien moi' } });
    expect(await screen.findByText('1 / 3 chỉ tiêu')).toBeInTheDocument();
    expect(within(table).getByText('Số hội viên mới kết nạp')).toBeInTheDocument();
    expect(within(table).queryByText('Tỷ lệ tập hợp phụ nữ')).not.toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Tìm chỉ tiêu'), { target: { value: 'TẬP HỢP' } });
    expect(await within(table).findByText('Tỷ lệ tập hợp phụ nữ')).toBeInTheDocument();
    expect(within(table).queryByText('Số hội viên')).not.toBeInTheDocument();
  });
});
