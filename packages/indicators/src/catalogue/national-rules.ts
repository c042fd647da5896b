import { defineRule, Rule } from '../validation/rule';
import { NATIONAL_INDICATORS } from './national-indicators';

const codes = NATIONAL_INDICATORS.map((d) => d.code);
const rule = (r: Rule): Rule => defineRule(r, codes);

/**
 * Cross-indicator checks every tenant's reports go through. Errors are impossible combinations;
 * warnings are unlikely ones that a unit may confirm.
 */
export const NATIONAL_RULES: readonly Rule[] = Object.freeze([
  rule({
    code: 'HOI_VIEN_MOI_KHONG_VUOT_HOI_VIEN',
    expression: 'HOI_VIEN_MOI <= HOI_VIEN',
    message: 'Số hội viên mới kết nạp không được lớn hơn tổng số hội viên',
    messageEn: 'New members cannot exceed total members',
    severity: 'error',
  }),
  rule({
    code: 'HOI_VIEN_KHONG_VUOT_PHU_NU',
    expression: 'HOI_VIEN <= PHU_NU_TU_18_TUOI',
    message: 'Số hội viên lớn hơn số phụ nữ từ 18 tuổi trở lên trên địa bàn, đề nghị kiểm tra lại',
    messageEn: 'Members exceed the women aged 18 and over in the area; please check',
    severity: 'warning',
  }),
  rule({
    code: 'TY_LE_TAP_HOP_TU_SO_BANG_HOI_VIEN',
    expression: 'TY_LE_TAP_HOP_HOI_VIEN.numerator == HOI_VIEN',
    message: 'Tử số của tỷ lệ tập hợp hội viên phải bằng số hội viên',
    messageEn: 'The membership rate\'s numerator must equal the number of members',
    severity: 'warning',
  }),
  rule({
    code: 'TY_LE_TAP_HOP_MAU_SO_BANG_PHU_NU',
    expression: 'TY_LE_TAP_HOP_HOI_VIEN.denominator == PHU_NU_TU_18_TUOI',
    message: 'Mẫu số của tỷ lệ tập hợp hội viên phải bằng số phụ nữ từ 18 tuổi trở lên',
    messageEn: 'The membership rate\'s denominator must equal the women aged 18 and over',
    severity: 'warning',
  }),
  rule({
    code: 'TY_LE_TAP_HOP_THAP_NHAT_KHONG_VUOT_CHUNG',
    expression: 'TY_LE_TAP_HOP_THAP_NHAT <= TY_LE_TAP_HOP_HOI_VIEN',
    message: 'Tỷ lệ tập hợp thấp nhất của các cơ sở không thể cao hơn tỷ lệ tập hợp chung',
    messageEn: 'The lowest grassroots membership rate cannot exceed the overall rate',
    // A warning: both are rounded percentages, and rounding may put the two a hair apart.
    severity: 'warning',
  }),
  rule({
    code: 'CHI_HOI_TIEU_BIEU_KHONG_VUOT_CHI_HOI',
    expression: 'CHI_HOI_TIEU_BIEU <= CHI_HOI',
    message: 'Số chi hội tiêu biểu không được lớn hơn tổng số chi hội',
    messageEn: 'Outstanding branches cannot exceed total branches',
    severity: 'error',
  }),
  rule({
    code: 'CHI_HOI_DONG_HANH_KHONG_VUOT_CHI_HOI',
    expression: 'CHI_HOI_KHO_KHAN_DUOC_DONG_HANH <= CHI_HOI',
    message: 'Số chi hội khó khăn được đồng hành không được lớn hơn tổng số chi hội',
    messageEn: 'Accompanied branches cannot exceed total branches',
    severity: 'error',
  }),
  rule({
    code: 'CO_SO_DANH_GIA_KHONG_VUOT_CO_SO',
    expression: 'TY_LE_CO_SO_HOI_VUNG_MANH.denominator <= CO_SO_HOI',
    message: 'Số cơ sở Hội được đánh giá xếp loại không được lớn hơn tổng số cơ sở Hội',
    messageEn: 'Grassroots unions rated cannot exceed total grassroots unions',
    severity: 'error',
  }),
  rule({
    code: 'THOAT_NGHEO_KHONG_VUOT_DUOC_GIUP',
    expression: 'HO_THOAT_NGHEO <= HO_NGHEO_DUOC_GIUP_DO + HO_CAN_NGHEO_DUOC_GIUP_DO',
    message: 'Số hộ thoát nghèo lớn hơn số hộ nghèo, cận nghèo được giúp đỡ, đề nghị kiểm tra lại',
    messageEn: 'Households lifted out of poverty exceed poor and near-poor households helped; please check',
    severity: 'warning',
  }),
  rule({
    code: 'VON_GIAI_NGAN_CO_HO_VAY',
    expression: 'VON_VAY_GIAI_NGAN == 0 or HO_DUOC_VAY_VON > 0',
    message: 'Có vốn vay giải ngân thì phải có số hộ được vay vốn',
    messageEn: 'Loans disbursed require households receiving them',
    severity: 'error',
  }),
  rule({
    code: 'HO_VAY_CO_VON_GIAI_NGAN',
    expression: 'HO_DUOC_VAY_VON == 0 or VON_VAY_GIAI_NGAN > 0',
    message: 'Có hộ được vay vốn thì phải có số vốn giải ngân',
    messageEn: 'Households receiving loans require an amount disbursed',
    severity: 'error',
  }),
  rule({
    code: 'KHAM_SANG_LOC_KHONG_VUOT_PHU_NU',
    expression: 'PHU_NU_DUOC_KHAM_SANG_LOC_UNG_THU <= PHU_NU_TU_18_TUOI',
    message: 'Số phụ nữ được khám sàng lọc lớn hơn số phụ nữ trên địa bàn, đề nghị kiểm tra lại',
    messageEn: 'Women screened exceed the women in the area; please check',
    severity: 'warning',
  }),
]);
