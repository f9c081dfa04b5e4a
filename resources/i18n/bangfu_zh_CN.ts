<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="zh_CN">
  <context>
    <name>ActivitiesTab</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>活动记录</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>听课记录</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ActivityForm</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>搜索教师姓名、单位或学科（可输入拼音首字母）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>搜索任务编号或内容</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>参加人员</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>关联任务</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>照片与附件</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ActivityList</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>活动</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>编辑活动记录</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>新增活动记录</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>学年</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>学期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>类型</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>第一学期（秋季）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>第二学期（春季）</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ArchiveCheckDialog</name>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>档案体检</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>打开记录</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>重新检查</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>仍然打印</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>取消</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>未发现问题，可以打印。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>打印前发现 %d 个检查时会被指出的问题。双击一条打开对应记录修改，改好后点“重新检查”；也可以“仍然打印”。</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>AttachmentPanel</name>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/pickers.py" />
      <source>也可以把文件拖到这里</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/pickers.py" />
      <source>选择照片或文件</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/pickers.py" />
      <source>照片 (*.jpg *.jpeg *.png *.bmp);;所有文件 (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/pickers.py" />
      <source>添加照片/文件…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/pickers.py" />
      <source>打开</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/pickers.py" />
      <source>移除</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>BureauTab</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>汇总</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>退回</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>退回原因：</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>正在写回执…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>汇总工作簿</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>导入数据包…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>已接收</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>退回…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>汇总工作簿…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>学校</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>频次要求达标</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>指标达成</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>接收后更正</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>还没有报送批次。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>请先选中一所已报送学校在某个批次下的格子。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>正在写汇总工作簿…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>回执</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>{0}（截止 {1}）：报送率 {2:.0%}，及时率 {3:.0%}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>已写出回执：{0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>{0} 条</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>已写出：{0}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>CalendarEditor</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/calendar_editor.py" />
      <source>校历（各省开学日期不同，可在此调整）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/calendar_editor.py" />
      <source>默认：第一学期（秋季）开始（月-日）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/calendar_editor.py" />
      <source>默认：第二学期（春季）开始（月-日）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/calendar_editor.py" />
      <source>某学年的实际日期与默认不同时，在下面逐学年填写；学期须首尾相接（寒暑假计入前一学期），未填写的学年按默认规则，并自动衔接相邻学年。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/calendar_editor.py" />
      <source>添加学年</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/calendar_editor.py" />
      <source>保存校历</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/calendar_editor.py" />
      <source>正在保存校历…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/calendar_editor.py" />
      <source>学年</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/calendar_editor.py" />
      <source>校历已保存。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/calendar_editor.py" />
      <source>校历有 %d 处需要修改，未保存。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/calendar_editor.py" />
      <source>；</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/calendar_editor.py" />
      <source>请填写%s日期</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>CategoriesTab</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>任务类别</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>编辑任务类别</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>新增任务类别</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>CheckList</name>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/pickers.py" />
      <source>已选 %d</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DateEdit</name>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>例如 2024-03-01</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>日历</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>选择日期</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>GuidanceForm</name>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/guidance.py" />
      <source>照片与扫描件</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/guidance.py" />
      <source>指导记录</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/guidance.py" />
      <source>新增指导记录</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>GuidancePane</name>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/guidance.py" />
      <source>新增指导记录</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/guidance.py" />
      <source>编辑</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/guidance.py" />
      <source>删除</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/guidance.py" />
      <source>正在保存指导记录…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/guidance.py" />
      <source>正在删除…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/guidance.py" />
      <source>指导记录：请在上表选择一个师徒结对</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/guidance.py" />
      <source>指导记录：%s（共 %d 次）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/guidance.py" />
      <source>把选中的 %d 条指导记录移到回收站？可按 Ctrl+Z 撤销。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/guidance.py" />
      <source>已移到回收站 %d 条指导记录（Ctrl+Z 撤销）</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>HonoursEditor</name>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/honours.py" />
      <source>添加荣誉</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/honours.py" />
      <source>删除选中</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/honours.py" />
      <source>未填</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/honours.py" />
      <source>类别</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/honours.py" />
      <source>级别</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/honours.py" />
      <source>年份</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImportPreviewDialog</name>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>导入预览</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>列对应</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>确认导入</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>取消</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>请核对将要导入的内容。列对应不对时，可在下方手动调整。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>（不导入）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>导入到方案：</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>新建方案</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>（按%s匹配）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>第%d列</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>无法按此对应读取：%s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>：{new_title}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>常用</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>文件(&amp;F)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>立即备份</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>从备份恢复…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>导出年度档案（PDF）…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>打印预览年度档案…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>导出年度工作统计（PDF/Excel）…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>退出</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>编辑(&amp;E)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>撤销删除</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>回收站…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>Excel(&amp;X)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>导出任务清单…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>导入任务清单…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>导入教师名册…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>导出台账</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>导出报送文件…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>帮助(&amp;H)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>关于帮扶台账</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>正在备份…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>选择备份文件</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>帮扶台账数据库 (*.sqlite3 *.db);;所有文件 (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>从备份恢复</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>正在恢复…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>正在撤销删除…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>回收站</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>导入任务清单</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>导出报送文件</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>年度档案</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>帮扶台账</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>尚未备份</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>⚠ 自动备份失败</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>用“%s”替换当前数据？当前数据会先自动备份。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>已恢复</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>没有可撤销的删除</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>帮扶台账 %s
离线记录帮扶工作：任务清单、师徒结对、轮训、活动记录。
数据库：%s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>数据库：%s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>（只读）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>最近备份：%s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>已备份到 %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>已恢复。原数据已备份到：
%s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>已撤销删除，恢复 %d 条记录</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/main_window.py" />
      <source>帮扶台账 — {name}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ObservationForm</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>搜索听课人（可输入拼音首字母）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>听课人</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>课堂评分</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>请至少选择一位听课人，或填写名册外的听课人</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ObservationsTab</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>听课记录</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>OptionalIntForm</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>未填</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>OverviewTab</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>概览</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>指标完成情况（双击查看相关记录）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>查看尚未轮训的教师</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>正在保存…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>学期：</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>频次要求（双击查看计入的活动）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>逾期及 30 天内到期的任务与报送</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>轮训</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>报送</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>频次要求 %d 项：达标 %d，未达标 %d；逾期任务 %d，30 天内到期 %d</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>%s指标完成情况（双击查看相关记录）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>%s没有在期方案的指标；选择上一学年的学期可查看往年指标。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>%d 年已轮训 %d 人（校领导及后备 %d 人）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>，要求 %g 人</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>等</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>尚未轮训的教师</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>采用频次要求</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>正在载入演示数据…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>要求</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>周期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>范围</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>应完成</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>已完成</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>状态</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>还差</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>方案</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>编号</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>任务</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>截止日期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>指标</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>年度</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>目标</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>实际</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>进度</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>逾期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>逾期未报</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>、</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>全员轮训（%s 前）：已轮训 %d / %d 人。尚未轮训：%s%s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>计入“%s”的活动</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>：尚未报送</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>已采用频次要求：%s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>{days_left} 天后到期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>{days_left} 天后截止</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>{name}（{period_label}）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>无</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>：{sent}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PackageImportDialog</name>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/import_preview.py" />
      <source>导入数据包</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/import_preview.py" />
      <source>导入</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/import_preview.py" />
      <source>取消</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/import_preview.py" />
      <source>记录</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/import_preview.py" />
      <source>不同的字段</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/import_preview.py" />
      <source>本地</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/import_preview.py" />
      <source>收到的</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/import_preview.py" />
      <source>采用</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/import_preview.py" />
      <source>保留本地</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/import_preview.py" />
      <source>采用收到的</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/import_preview.py" />
      <source>全部保留本地</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/import_preview.py" />
      <source>全部采用收到的</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/import_preview.py" />
      <source>没有双方都修改过的记录。确定导入吗？</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/import_preview.py" />
      <source>还有 {0} 条未选择</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/import_preview.py" />
      <source>以下 {0} 条记录在本地和对方都修改过，请逐条选择保留哪一方：</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PairingForm</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>师傅和徒弟不能是同一个人</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PairingsTab</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>师徒结对</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>新增指导记录</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>在带徒弟人数：</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>状态</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>师傅</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>在带徒弟人数（%d 名帮扶人才不足 3 名，已标黄）：</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>{name} {n} 名</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>……共 %d 名师傅（黄色行即不足 3 名的帮扶人才）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>&lt;span style='color:#b00020;font-weight:bold'&gt;⚠ {text}（帮扶人才应带徒不少于 3 名）&lt;/span&gt;</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>；</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PlanForm</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>截止年份 %d 早于起始年份 %d，请检查</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PlansTab</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>方案</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>编辑方案</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>新增方案</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PrintPreviewDialog</name>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>打印…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>另存为 PDF…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>首页</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>上一页</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>第 </source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source> 页</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>下一页</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>末页</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>缩小</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>放大</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>适合宽度</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>适合页面</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>关闭</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>第 %d 页 / 共 %d 页</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>打印</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>正在打印…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>另存为 PDF</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>PDF 文件 (*.pdf)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>打印预览</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>（空文档）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source> / 共 %d 页 </source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RecordForm</name>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>保存</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>取消</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>正在保存…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>记录已被他人修改</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>重新载入对方的内容</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>保留我的版本</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>新建…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>列表里没有时，新建一条（会用已输入的文字）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>未保存：请按提示处理后再点“保存”，填写的内容都还在。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>“%s”必须填写</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>有 %d 处需要修改，未保存。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>已载入对方保存的内容，请核对后再保存。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>未保存：该记录已被他人修改，您填写的内容都还在。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>未保存：更正需要填写原因，您填写的内容都还在。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>有 %d 条“%s”，请在下拉列表中选一条（括号里是单位·学科）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>“%s”不在列表中，请从下拉列表选择</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>没有“%s”：请从下拉列表选择，或点“新建…”添加</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/form.py" />
      <source>“%s”不是数字</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RecordTab</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/base.py" />
      <source>新增</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/base.py" />
      <source>编辑</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/base.py" />
      <source>删除</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/base.py" />
      <source>刷新</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/base.py" />
      <source>搜索（Ctrl+F）：输入文字或拼音首字母筛选</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/base.py" />
      <source>显示全部</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/base.py" />
      <source>读取失败</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/base.py" />
      <source>正在删除…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/base.py" />
      <source>打印/导出档案</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/base.py" />
      <source>打印预览</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/base.py" />
      <source>全部</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/base.py" />
      <source>显示 %d / 共 %d 条</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/base.py" />
      <source>仅显示：%s（%d 条）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/base.py" />
      <source>把选中的 %d 条记录移到回收站？可按 Ctrl+Z 撤销，或在回收站中恢复。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/base.py" />
      <source>已移到回收站 %d 条记录（Ctrl+Z 撤销）</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RecordView</name>
    <message>
      <location filename="../../bangfu_desktop/gui/table_view.py" />
      <source>复制</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RecycleBinDialog</name>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/recycle_bin.py" />
      <source>回收站</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/recycle_bin.py" />
      <source>关闭</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/recycle_bin.py" />
      <source>恢复</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/recycle_bin.py" />
      <source>正在恢复…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/recycle_bin.py" />
      <source>删除的记录都保存在这里，选中后点“恢复”即可找回。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/recycle_bin.py" />
      <source>类型</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/recycle_bin.py" />
      <source>记录</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/recycle_bin.py" />
      <source>删除时间</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RotationsTab</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>轮训</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>轮训统计</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>还没有轮训记录。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>尚未设置本单位，无法列出尚未轮训的教师（在“单位与方案”中勾选本单位）。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>尚未轮训（%d 人，共 %d 人）：%s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>年份</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>类型</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>轮训单位</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>编辑轮训</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>新增轮训</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>%s的 %d 名教师都已参加轮训。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>、</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>，</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>%d年：%d 人次（校领导 %d）；%s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>另有 %d 条未填开始日期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>%d年</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RuleForm</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>统计范围为“人”时，请写明适用人员（例如 教研员）</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RulesTab</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>频次要求</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>编辑频次要求</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>新增频次要求</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>、</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ScoreInputs</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observation_score.py" />
      <source>未评</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observation_score.py" />
      <source>未设置评分项目（可在“设置”中填写）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observation_score.py" />
      <source>%s（%s 分）</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SettingsTab</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>设置</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>本单位（填在每张表的表头）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>从单位列表中选择本单位；没有时直接填写下面的单位名称</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>选择已有单位</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>自动备份</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>留空：放在数据库所在文件夹旁</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>选择…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>备份文件夹</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>保留最近备份份数</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>每修改多少次自动备份</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>报送</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>例如 jyj@example.cn</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>教育局收件邮箱</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>报送文件夹</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>听课评分项目（每行一项：项目名称 分值；只评等级时填“无”）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>评分项目</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>保存设置</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>档案（封面、卷内目录与备考表）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>保管期限</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>在每份材料首页印归档章（全宗号、年度、保管期限、件号）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>选择报送文件夹</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>选择备份文件夹</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>正在保存设置…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>已保存。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>留空：%s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>发信服务器（SMTP）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>例如 smtp.163.com；留空则只写邮件草稿</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>端口</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>加密方式</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>发信账号</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>密码或授权码</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>发件人地址</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>留空则用发信账号</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>例如 0951-1234567，分机 0951-1234567-123</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>有 %d 处需要修改（见红字），未保存：</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>；</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SuggestionsPanel</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>采用</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>修改后采用…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>方案“%s”还没有频次要求。从任务文字中找到 %d 条，可逐条采用：</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>方案“%s”还没有频次要求，任务文字中也没有“每学期……不少于 N 次”这样的要求。可在“单位与方案 → 频次要求”中添加。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>方案原文：%s</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>TargetsTab</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>指标</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>编辑指标</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>新增指标</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>TaskForm</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>“目标任务”和“主要举措”至少填写一项</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>填写了完成日期，状态应为“已完成”</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>TasksTab</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>任务清单</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>导出Excel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>方案</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>状态</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>编辑任务</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>新增任务</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>TeacherForm</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>填写了派出单位，请勾选“帮扶人才”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>每条荣誉都要填写“类别”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>荣誉</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>TeachersTab</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>教师名册</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source> 听课统计学期：</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>单位</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>学科</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>帮扶人才</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>编辑教师</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>新增教师</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>UnitForm</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>有 %d 处需要修改，未保存。</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>UnitsPlansTab</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>单位与方案</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>UnitsTab</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>单位</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>类型</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>角色</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>编辑单位</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>新增单位</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>WelcomePage</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>或者：载入演示数据（先看看效果）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>跳过，查看概览</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>开始使用：</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>欢迎使用帮扶台账</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>不再显示</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>按下面的顺序开始，每完成一步就会打勾：</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>YearArchiveDialog</name>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>导出年度档案</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>学年</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>学期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>选择保存位置…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>取消</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>全学年</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>第一学期（秋季）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>第二学期（春季）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>{start}-{end}学年</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>YearRow</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/calendar_editor.py" />
      <source> 学年起</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/calendar_editor.py" />
      <source>删除</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <location filename="../../bangfu_desktop/gui/app.py" />
      <source>无法打开数据库</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/app.py" />
      <source>新建数据库</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/app.py" />
      <source>帮扶台账</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/app.py" />
      <source>数据库文件</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/app.py" />
      <source>找不到数据库文件“{path}”（或它是空文件）。

要在这里新建一个空的帮扶台账数据库吗？
如果路径写错了，请选“否”，再用正确的路径打开。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/app.py" />
      <source>只读</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/app.py" />
      <source>打开“{path}”时出现程序错误：{exc}。
数据未作改动。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/app.py" />
      <source>
详细信息已写入：{log}
请把这个文件发给技术支持。</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>archive_actions</name>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>打开文件</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>打开所在文件夹</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>关闭</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>导出完成</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>正在生成 PDF…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>正在生成打印预览…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>导出档案（PDF）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>PDF 文件 (*.pdf)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>正在进行档案体检…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>导出年度工作统计</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>正在统计…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>打印预览</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>打印/导出档案</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>没有可导出的记录。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>导出年度档案（PDF）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/archive_actions.py" />
      <source>已写入：%s</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>dialogs.bureau_email</name>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/bureau_email.py" />
      <source>正在保存…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/bureau_email.py" />
      <source>教育局收件邮箱</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/bureau_email.py" />
      <source>还没有填写教育局的收件邮箱。请填写（会保存在“设置 → 报送”中，以后不再询问）：</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/bureau_email.py" />
      <source>请填写邮箱，例如 jyj@example.cn</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/bureau_email.py" />
      <source>邮箱格式不对</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>dialogs.correction</name>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/correction.py" />
      <source>{0}

更正原因（记入操作日志，并随下次数据包报送教育局）：</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/correction.py" />
      <source>更正原因</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/correction.py" />
      <source>请写明更正原因，例如“重复录入”或“日期填错”。</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>dialogs.guidance</name>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/guidance.py" />
      <source>日期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/guidance.py" />
      <source>指导形式</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/guidance.py" />
      <source>指导内容</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/guidance.py" />
      <source>徒弟收获/反思</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/guidance.py" />
      <source>附件</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/dialogs/guidance.py" />
      <source>指导日期</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>excel_actions</name>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>师徒结对名册</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>轮训台账</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>活动台账</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>听课记录台账</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>指导记录台账</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>任务清单</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>教师名册</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>导出完成</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>导出任务清单</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>导出哪个方案的任务清单？</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>正在导出任务清单…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>使用教育局下发的模板？</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>正在导入…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>导入完成</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>正在读取工作簿…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>导入台账</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>正在生成报送文件…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>报送文件已生成</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>导出报送文件</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>报送内容</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>已导出到：
%s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>选择教育局模板</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>正在导出%s…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>导出%s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>新增 %d 条，更新 %d 条，跳过 %d 行。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>导入%s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>已生成：
%s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>{id}：{title}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>%s…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/excel_actions.py" />
      <source>写邮件草稿</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>lazy_core</name>
    <message>
      <location filename="../../bangfu_desktop/gui/lazy_core.py" />
      <source>师徒结对名册</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/lazy_core.py" />
      <source>轮训台账</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/lazy_core.py" />
      <source>活动台账</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/lazy_core.py" />
      <source>教师名册</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/lazy_core.py" />
      <source>指标完成情况</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/lazy_core.py" />
      <source>听课记录台账</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/lazy_core.py" />
      <source>指导记录台账</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>operations</name>
    <message>
      <location filename="../../bangfu_desktop/gui/operations.py" />
      <source>错误日志也无法写入，请截图后发给技术支持。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/operations.py" />
      <source>确定</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/operations.py" />
      <source>程序错误</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/operations.py" />
      <source>出现了意外的程序错误（{name}：{exc}），本次操作没有完成，已保存的数据不受影响。{where}程序可以继续使用。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/operations.py" />
      <source>请稍候</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/operations.py" />
      <source>详细信息已写入错误日志“{log}”，请把这个文件发给技术支持。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/operations.py" />
      <source>自动备份失败</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/operations.py" />
      <source>取消</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/operations.py" />
      <source>记录已保存，但{message}。请在“设置”中选择一个可以写入的备份文件夹。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/operations.py" />
      <source>未能完成</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>print_preview</name>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>无法开始打印：打印机没有响应。请检查打印机是否已连接、已开机，然后再试。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>无法预览</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/print_preview.py" />
      <source>无法打开这个 PDF 进行预览（%s）。可以点“打开文件”用其他阅读器查看。</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>table_model</name>
    <message>
      <location filename="../../bangfu_desktop/gui/table_model.py" />
      <source>是</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>tabs.activities</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>日期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>类型</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>主题</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>地点</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>主持人/主讲人</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>学科</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>参加人数</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>线上</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>活动类型</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>活动主题</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>开始时间</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>结束时间</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>线上活动</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>组织单位/部门</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>其他参加人数（名册外）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>目的意义</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>活动内容及步骤</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>结果总结</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>评价反思</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>所属方案</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>例如 14:30</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>例如 16:30</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/activities.py" />
      <source>{start}-{end}学年</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>tabs.bureau</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>导入数据包</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>数据包 (*.bfpkg)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>正在导入…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>已发送到教育局邮箱（附数据包和报送工作簿）：{0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>暂时无法发送，邮件已放入发件箱，联网后会自动重试：{0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>没有设置发信服务器，已生成邮件草稿（附数据包和报送工作簿），请用邮件程序打开发送：{0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>正在报送…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>还没有收到教育局的报送通知。请用“导入数据包…”导入通知。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>报送批次</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>报送(&amp;S)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>报送批次与截止日期…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>报送数据包</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>导入数据包…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>重试发送</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>正在检查数据包…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>此数据包此前已导入过，不会重复导入。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>（不针对具体批次）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>正在发送…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>未报送</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>报送</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>本次报送答复哪个报送批次？</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>发件箱</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>还有 {days_left} 天</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>已过 {days} 天</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>（{reason}）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>{name}：截止 {due_date}（{left}），{state}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/bureau.py" />
      <source>已发送 {0} 封，仍待发送 {1} 封。</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>tabs.calendar_editor</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/calendar_editor.py" />
      <source>第一学期开始</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/calendar_editor.py" />
      <source>第一学期结束</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/calendar_editor.py" />
      <source>第二学期开始</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/calendar_editor.py" />
      <source>第二学期结束</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>tabs.common</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/common.py" />
      <source>{name}（{unit}·{subject}）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/common.py" />
      <source>未设单位</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>tabs.creators</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/creators.py" />
      <source>新增单位</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/creators.py" />
      <source>新增教师</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/creators.py" />
      <source>新建教师…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/creators.py" />
      <source>名册里没有时新建（会用搜索框里的文字作姓名）</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>tabs.observations</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>听课日期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>节次</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>授课教师</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>学科</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>年级/班级</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>课题</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>课型</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>听课人</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>其他听课人（名册外）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>教学过程（听课记录）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>评价与建议</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>等级</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>例如 第3节</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>例如 2024级3班</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/observations.py" />
      <source>（不评等级）</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>tabs.overview</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/overview.py" />
      <source>（本学期）</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>tabs.pairings</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>师傅</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>师傅单位</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>徒弟</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>学科</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>项目</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>开始</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>结束</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>状态</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>指导次数</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>结对项目</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>开始日期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>结束日期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>培养目标</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/pairings.py" />
      <source>考核评价</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>tabs.plan_items</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>方案</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>编号</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>顺序</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>任务数</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>类别名称</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>阶段年份</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>计算方式</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>目标值</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>单位</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>填报实际值</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>填报日期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>指标</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>名称</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>活动类型</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>周期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>至少</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>范围</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>适用人员</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>方案原文</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>所属方案</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>指标内容</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>实际值的来源</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>计量单位</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>备注</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>至少次数</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>统计范围</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>例如 1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>例如 政策支持</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>例如 40 或 40%</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>“手工填报”时填写</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>例如 座谈会每学期不少于3次</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>多个类型用“、”分隔，例如 教学观摩、学科竞赛</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/plan_items.py" />
      <source>范围为“人”时填写，例如 教研员</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>tabs.rotations</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>教师</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>单位</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>轮训单位</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>类型</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>开始</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>结束</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>天数</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>校领导</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>轮训报告</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>开始日期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>结束日期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>校领导及后备力量</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/rotations.py" />
      <source>备注</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>tabs.settings_tab</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>单位名称</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>联系人</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>职务</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>办公电话</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/settings_tab.py" />
      <source>手机号码</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>tabs.tasks</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>类别</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>编号</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>目标任务 / 主要举措</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>完成时限</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>截止日期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>责任单位</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>配合部门</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>状态</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>进展情况</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>所属方案</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>目标任务（分阶段）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>主要举措</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>完成日期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>佐证材料说明</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>例如 1.1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>例如 2023年12月底前，并长期坚持</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>多个单位用“、”分隔</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>多个部门用“、”分隔</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/tasks.py" />
      <source>识别为：</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>tabs.teachers</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>姓名</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>性别</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>单位</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>学科</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>职务</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>职称</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>手机号码</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>荣誉</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>听课节数</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>授课被听节数</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>双师型</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>党员</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>校领导</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>帮扶人才</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>派出单位</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>是</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>否</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>双师型教师</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>中共党员</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>校领导及后备力量</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>帮扶开始日期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>帮扶结束日期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>备注</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>例如 教师、教务科长、副校长</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>11 位手机号码</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/teachers.py" />
      <source>（未填）</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>tabs.units_plans</name>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>名称</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>本单位</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>类型</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>学段</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>角色</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>教育集团</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>联系人</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>职务</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>办公电话</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>手机号码</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>邮箱</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>地区</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>方案名称</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>文号</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>发文单位</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>发文日期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>起始年</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>截止年</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>任务数</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>适用单位</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>简称</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>地址</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>联系人职务</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>电子邮箱</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>备注</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>起始年份</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>截止年份</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>例如 贵州省铜仁市沿河县</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>11 位手机号码</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../bangfu_desktop/gui/tabs/units_plans.py" />
      <source>例如 红政办发〔2022〕119号</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
