"""单位与方案 on demo data: five sub-tabs with their rows, and their forms' checks."""

import pytest

from bangfu_desktop.core.models import FrequencyRule, Plan, Target, TaskCategory, Unit
from bangfu_desktop.gui.tabs.units_plans import UnitsPlansTab

from gui_helpers import editor, error_text, press_save, settle, when_dialog_opens


@pytest.fixture
def page(demo_store, qtbot):
    widget = UnitsPlansTab()
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    widget.show()
    with qtbot.waitSignals([p.loaded for p in widget.pages()], timeout=10000):
        widget.reload()
    yield widget
    settle(qtbot, rounds=3)  # reloads started by the bus deliver before the widget goes


def test_every_sub_tab_shows_demo_rows(page):
    """Units, plans, categories, targets and rules each list their live demo records."""
    assert [page.inner.tabText(i) for i in range(page.inner.count())] == \
        ["单位", "方案", "任务类别", "指标", "频次要求"]
    assert page.units.model.rowCount() == Unit.live().count() > 0
    assert page.plans.model.rowCount() == Plan.live().count() > 0
    assert page.categories.model.rowCount() == TaskCategory.live().count() > 0
    assert page.targets.model.rowCount() == Target.live().count() > 0
    assert page.rules.model.rowCount() == FrequencyRule.live().count() > 0
    first_unit = page.units.model.row_at(0)
    assert first_unit[1] == "沿河土家族自治县中等职业学校" and first_unit[12] is True  # 本单位 first


def test_plan_rows_count_tasks_and_targets_show_chinese_kinds(page):
    """A plan shows its number of tasks; a computed target names how it is computed in Chinese."""
    plan = Plan.live().order_by(Plan.id).first()
    row = page.plans.model.row_at(page.plans.model.view_row_of(plan.id))
    assert row[8] == plan.tasks.where(plan.tasks.model.deleted_at.is_null()).count() > 0
    kinds = {page.targets.model.row_at(r)[4] for r in range(page.targets.model.rowCount())}
    assert "轮训人数" in kinds and "manual" not in kinds


def test_search_and_plan_filter(page):
    """Typing finds a unit; the 方案 filter keeps one plan's rules."""
    page.units.search.setText("东莞")
    assert page.units.model.rowCount() >= 1
    assert all("东莞" in page.units.model.row_at(r)[1] for r in range(page.units.model.rowCount()))
    combo = page.rules.filter_combos[0]
    plan_id = FrequencyRule.live().order_by(FrequencyRule.id).first().plan_id
    combo.setCurrentIndex(combo.findData(plan_id))
    assert page.rules.model.rowCount() == FrequencyRule.live().where(FrequencyRule.plan == plan_id).count()


def test_unit_bad_mobile_then_new_self_unit(page, qtbot):
    """A bad mobile is refused beside its field; a new 本单位 clears the mark on the old one."""
    tab = page.units
    seen = {}

    def fill(dialog):
        editor(dialog, "name").setText("测试第一中学")
        editor(dialog, "mobile").setText("2380000000a")
        press_save(dialog)
        seen["mobile"] = error_text(dialog, "mobile")
        editor(dialog, "mobile").setText("13800001111")
        editor(dialog, "email").setText("not-an-email")
        editor(dialog, "office_phone").setText("abc")
        press_save(dialog)
        settle(qtbot)  # core.units checks the save off the GUI thread; its refusal comes back to the form
        seen["email"] = error_text(dialog, "email")
        seen["office_phone"] = error_text(dialog, "office_phone")
        editor(dialog, "office_phone").setText("0856-8221234")
        editor(dialog, "email").setText("office@school.cn")
        editor(dialog, "is_self").setChecked(True)
        press_save(dialog)

    with qtbot.waitSignal(tab.loaded, timeout=10000):
        when_dialog_opens(qtbot, tab.add_action.trigger, fill)
    assert seen["mobile"] == "手机号码只能包含数字"
    assert seen["email"] == "邮箱“not-an-email”格式不对，例如 jyj@example.cn"
    assert seen["office_phone"].startswith("办公电话“abc”只能包含数字")
    assert [u.name for u in Unit.live().where(Unit.is_self == True)] == ["测试第一中学"]  # noqa: E712
    assert tab.model.row_at(0)[1] == "测试第一中学"


def test_duplicate_unit_name_is_refused(page, qtbot):
    """Two units may not share a name."""
    seen = {}

    def fill(dialog):
        editor(dialog, "name").setText("沿河土家族自治县中等职业学校")
        press_save(dialog)
        settle(qtbot)
        seen["name"] = error_text(dialog, "name")
        seen["open"] = dialog.isVisible()
        dialog.reject()

    when_dialog_opens(qtbot, page.units.add_action.trigger, fill)
    assert seen["name"] == "已有名为“沿河土家族自治县中等职业学校”的单位，请换一个名称或在单位列表中选用它"
    assert seen["open"]  # the form stays open with what was typed


def test_plan_period_end_before_start_and_empty_years(page, qtbot):
    """The period's end year may not precede its start; empty years are stored as none."""
    tab = page.plans
    seen = {}

    def fill(dialog):
        editor(dialog, "title").setText("测试方案")
        editor(dialog, "period_start").setValue(2025)
        editor(dialog, "period_end").setValue(2023)
        press_save(dialog)
        seen["end"] = error_text(dialog, "period_end")
        editor(dialog, "period_start").setValue(0)
        editor(dialog, "period_end").setValue(0)
        seen["shown"] = editor(dialog, "period_end").text()
        press_save(dialog)

    with qtbot.waitSignal(tab.loaded, timeout=10000):
        when_dialog_opens(qtbot, tab.add_action.trigger, fill)
    assert seen["end"] == "截止年份 2023 早于起始年份 2025，请检查"
    assert seen["shown"] == "未填"
    plan = Plan.get(Plan.title == "测试方案")
    assert plan.period_start is None and plan.period_end is None


def test_rule_types_round_trip_as_text(page, qtbot):
    """Activity types typed as “座谈会、教学观摩” are stored as a list and shown again joined."""
    tab = page.rules

    def fill(dialog):
        editor(dialog, "name").setText("测试频次")
        editor(dialog, "activity_types").setText("座谈会、教学观摩，  学科竞赛")
        editor(dialog, "minimum").setValue(3)
        press_save(dialog)

    with qtbot.waitSignal(tab.loaded, timeout=10000):
        when_dialog_opens(qtbot, tab.add_action.trigger, fill)
    rule = FrequencyRule.get(FrequencyRule.name == "测试频次")
    assert rule.activity_types == ["座谈会", "教学观摩", "学科竞赛"] and rule.minimum == 3
    row = tab.model.row_at(tab.model.view_row_of(rule.id))
    assert row[3] == "座谈会、教学观摩、学科竞赛"
    assert tab.select_id(rule.id)
    seen = {}

    def look(dialog):
        seen["types"] = editor(dialog, "activity_types").text()
        dialog.reject()

    when_dialog_opens(qtbot, tab.edit_action.trigger, look)
    assert seen["types"] == "座谈会、教学观摩、学科竞赛"


def test_add_target_and_category(page, qtbot):
    """A manual target with a typed actual value, and a category, are saved for the chosen plan."""
    plan = Plan.live().order_by(Plan.id).first()

    def fill_target(dialog):
        editor(dialog, "plan_id").setCurrentIndex(editor(dialog, "plan_id").findData(plan.id))
        editor(dialog, "description").setPlainText("建成名师工作室")
        kind = editor(dialog, "kind")
        kind.setCurrentIndex(kind.findText("工作室数"))
        editor(dialog, "target_value").setText("2")
        editor(dialog, "actual_value").setText("abc")
        press_save(dialog)
        assert error_text(dialog, "actual_value") == "“abc”不是数字"
        editor(dialog, "actual_value").setText("1")
        press_save(dialog)

    with qtbot.waitSignal(page.targets.loaded, timeout=10000):
        when_dialog_opens(qtbot, page.targets.add_action.trigger, fill_target)
    target = Target.get(Target.description == "建成名师工作室")
    assert (target.kind, target.target_value, target.actual_value, target.stage_year) == \
        ("studio_count", 2.0, 1.0, None)

    def fill_category(dialog):
        editor(dialog, "code").setText("7")
        editor(dialog, "name").setText("测试类别")
        press_save(dialog)

    with qtbot.waitSignal(page.categories.loaded, timeout=10000):
        when_dialog_opens(qtbot, page.categories.add_action.trigger, fill_category)
    category = TaskCategory.get(TaskCategory.name == "测试类别")
    assert category.plan_id == plan.id  # the first plan when no filter is chosen
