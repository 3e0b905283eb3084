/** The staff console's texts (the shared ones are in shared/i18n). Chinese first; plain words a desk can read out. */
export const staffZhCN = {
  staff: {
    console: '工作台',
    zones: '服务区',
    signOut: '退出',
    zone: {
      register: { name: '综合服务区', hint: '登记求职者' },
      referrals: { name: '职业介绍区', hint: '推荐上岗、开介绍信' },
      crews: { name: '劳务对接区', hint: '为用工方组队派工' },
      office: { name: '办公室', hint: '审核、统计、账号' },
    },
    nav: { walkIn: '现场登记', seekers: '查找求职者', accounts: '员工账号' },
    home: { title: '请选择服务区', text: '每个服务区一张工作台。用 Tab 键移动，回车确认。' },
    signIn: {
      title: '员工登录',
      phone: '手机号',
      password: '密码',
      desk: '本台位置',
      deskPlaceholder: '如 综合服务区 1 号窗口',
      deskHint: '记录在本台办理的事项上（如求职者的同意书）',
      submit: '登录',
    },
  },
  errors: {
    network: '网络不通，请稍后再试',
    unknown: '出了点问题，请稍后再试',
    badInput: '请检查填写的内容',
    notFound: '没有找到，可能已经删除',
    code: {
      LOGIN_INVALID: '手机号或密码不对',
      LOGIN_LOCKED: '密码错误次数太多，请 {seconds} 秒后再试',
      OTP_RATE_LIMITED: '尝试太频繁了，请 {seconds} 秒后再试',
      SERVICE_UNAVAILABLE: '系统忙，请稍后再试',
    },
    field: {
      phone: '请填写 11 位手机号，如 13812345678',
      password: '请填写密码',
      desk: '请填写本台位置',
    },
  },
};

export const staffEn: typeof staffZhCN = {
  staff: {
    console: 'Staff console',
    zones: 'Zones',
    signOut: 'Sign out',
    zone: {
      register: { name: 'Registration', hint: 'Register seekers' },
      referrals: { name: 'Referrals', hint: 'Refer to shifts, print slips' },
      crews: { name: 'Crews', hint: 'Crews for employers' },
      office: { name: 'Office', hint: 'Reviews, figures, accounts' },
    },
    nav: { walkIn: 'Walk-in registration', seekers: 'Find a seeker', accounts: 'Staff accounts' },
    home: { title: 'Choose a zone', text: 'One desk per zone. Tab moves, Enter confirms.' },
    signIn: {
      title: 'Staff sign-in',
      phone: 'Phone',
      password: 'Password',
      desk: 'This desk',
      deskPlaceholder: 'e.g. Registration, window 1',
      deskHint: 'Recorded with what is done here (such as a seeker’s consent)',
      submit: 'Sign in',
    },
  },
  errors: {
    network: 'No connection; please try again shortly',
    unknown: 'Something went wrong; please try again shortly',
    badInput: 'Please check what was entered',
    notFound: 'Not found; it may have been removed',
    code: {
      LOGIN_INVALID: 'Wrong phone or password',
      LOGIN_LOCKED: 'Too many wrong passwords; try again in {seconds} seconds',
      OTP_RATE_LIMITED: 'Too many tries; try again in {seconds} seconds',
      SERVICE_UNAVAILABLE: 'The system is busy; please try again shortly',
    },
    field: {
      phone: 'Enter an 11-digit mobile number, e.g. 13812345678',
      password: 'Enter the password',
      desk: 'Enter where this desk is',
    },
  },
};
