/** Server-side messages in both languages. Every error the API returns is one of these keys. */
export type Locale = 'zh-CN' | 'en-US';

const zh = {
  'error.internal': '服务器内部错误，请稍后再试',
  'error.not_found': '未找到请求的资源',
  'error.validation': '提交的数据有误，请检查标出的字段',
  'error.forbidden': '无权访问：超出您的数据范围或角色权限',
  'error.conflict': '数据已被他人修改，请刷新后重试',
  'error.bad_request': '请求格式错误',
  'auth.unauthenticated': '请先登录',
  'auth.invalid_credentials': '用户名或密码错误',
  'auth.locked': '连续输错密码次数过多，账号已锁定，请于 {until} 后再试',
  'auth.wrong_old_password': '原密码不正确',
  'auth.password_too_short': '密码至少 {min} 位',
  'auth.password_too_weak': '密码须同时包含字母和数字',
  'field.required': '必填',
  'field.invalid': '格式不正确',
  'field.type': '应为{type}',
  'field.too_long': '不能超过 {max} 个字符',
  'field.enum': '取值应为：{values}',
  'uscc.length': '统一社会信用代码应为 18 位',
  'uscc.charset': '统一社会信用代码含有非法字符（不使用 I、O、S、V、Z）',
  'uscc.check_digit': '统一社会信用代码校验位错误，应为 {expected}',
  'uscc.province': '统一社会信用代码第 3–8 位的行政区划码无效',
  'uscc.duplicate_in_file': '统一社会信用代码与第 {row} 行重复',
  'uscc.exists': '统一社会信用代码已存在',
  'region.unknown': '行政区划代码 {code} 不存在',
  'region.out_of_scope': '行政区划 {code} 不在您的管辖范围内',
  'domain.unknown': '行业领域“{value}”不在字典中',
  'industry_code.invalid': '国民经济行业代码“{value}”格式不正确（如 C2614）',
  'phone.invalid': '电话号码格式不正确',
  'employees.invalid': '从业人数应为非负整数',
  'boolean.invalid': '应填“是”或“否”',
  'landlord.unknown': '出租方统一社会信用代码 {value} 未登记',
  'landlord.self': '出租方不能是企业自身',
  'small_venue.unknown': '小场所类别“{value}”不在字典中',
  'import.no_file': '请上传 .xlsx 或 .csv 文件',
  'import.bad_format': '无法读取文件：{reason}',
  'import.missing_columns': '缺少必需的列：{columns}',
  'import.empty': '文件中没有数据行',
  'import.rejected': '共有 {count} 行有误，未写入任何数据',
  'department.unknown': '部门不存在',
  'enterprise.unknown': '企业不存在',
  'user.exists': '用户名已存在',
  'user.role_needs_department': '该角色须指定所属部门',
  'user.role_needs_enterprise': '企业安全员须指定所属企业',
  'job.unknown': '任务不存在',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  'error.internal': 'Internal server error, please try again later',
  'error.not_found': 'The requested resource was not found',
  'error.validation': 'Some fields are invalid; please check the marked fields',
  'error.forbidden': 'Access denied: outside your data scope or role',
  'error.conflict': 'Someone else changed this record; reload and try again',
  'error.bad_request': 'Malformed request',
  'auth.unauthenticated': 'Please sign in',
  'auth.invalid_credentials': 'Wrong username or password',
  'auth.locked': 'Too many wrong passwords; the account is locked until {until}',
  'auth.wrong_old_password': 'The current password is wrong',
  'auth.password_too_short': 'The password needs at least {min} characters',
  'auth.password_too_weak': 'The password needs both letters and digits',
  'field.required': 'Required',
  'field.invalid': 'Invalid format',
  'field.type': 'Must be {type}',
  'field.too_long': 'At most {max} characters',
  'field.enum': 'Must be one of: {values}',
  'uscc.length': 'A Unified Social Credit Code has 18 characters',
  'uscc.charset': 'The code has characters a USCC does not use (I, O, S, V, Z are excluded)',
  'uscc.check_digit': 'Wrong check character; it should be {expected}',
  'uscc.province': 'Positions 3–8 of the code are not a valid region code',
  'uscc.duplicate_in_file': 'Same code as row {row}',
  'uscc.exists': 'An enterprise with this code already exists',
  'region.unknown': 'Region code {code} does not exist',
  'region.out_of_scope': 'Region {code} is outside your jurisdiction',
  'domain.unknown': 'Industry domain "{value}" is not in the dictionary',
  'industry_code.invalid': 'Industry code "{value}" is not a GB/T 4754 code (e.g. C2614)',
  'phone.invalid': 'Invalid phone number',
  'employees.invalid': 'Employees must be a whole number ≥ 0',
  'boolean.invalid': 'Must be yes or no (是/否)',
  'landlord.unknown': 'Landlord code {value} is not registered',
  'landlord.self': 'An enterprise cannot be its own landlord',
  'small_venue.unknown': 'Small-venue category "{value}" is not in the dictionary',
  'import.no_file': 'Please upload an .xlsx or .csv file',
  'import.bad_format': 'Cannot read the file: {reason}',
  'import.missing_columns': 'Missing required columns: {columns}',
  'import.empty': 'The file has no data rows',
  'import.rejected': '{count} rows are invalid; nothing was written',
  'department.unknown': 'Department not found',
  'enterprise.unknown': 'Enterprise not found',
  'user.exists': 'This username is taken',
  'user.role_needs_department': 'This role needs a department',
  'user.role_needs_enterprise': 'An enterprise officer needs an enterprise',
  'job.unknown': 'Job not found',
};

const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, 'en-US': en };

export type Params = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template = catalogs[locale][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks the user's language from Accept-Language (the web sends its choice); Chinese first. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}

export function isMessageKey(key: string): key is MessageKey {
  return key in zh;
}
