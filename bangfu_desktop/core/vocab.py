"""Controlled vocabularies offered in pickers; free text stays allowed where plans differ."""

ACTIVITY_TYPES = (
    "教研活动", "集体备课", "听评课", "示范课", "公开课", "同课异构", "专题讲座",
    "教育论坛", "校长论坛", "座谈会", "远程教研", "送教下乡", "送培到校", "联合教研",
    "课题研究", "校园文化活动", "教学观摩", "学科竞赛", "示范课评选", "专题研讨",
    "教研指导", "业务研讨培训", "校际交流", "校企交流", "实地指导", "挂职交流",
)
ROTATION_KINDS = ("岗位轮训", "跟班学习", "跟岗学习", "实践锻炼", "挂职交流", "跟岗研修")
PAIRING_PROGRAMMES = ("青蓝工程", "种子计划", "影子跟训", "传帮带")
from .models import GUIDANCE_KINDS  # noqa: E402,F401 - declared with the Guidance model
UNIT_KINDS = ("学校", "教育局", "企业", "高校", "其他")
UNIT_ROLES = ("受援方", "帮扶方", "核心校", "成员校", "主管部门", "合作企业")
STAGES = ("幼儿园", "小学", "初中", "高中", "中职", "高职", "九年一贯制", "完全中学")
GENDERS = ("男", "女")
TITLES = ("正高级教师", "高级教师", "一级教师", "二级教师", "三级教师", "未定级")
LESSON_TYPES = ("新授课", "复习课", "练习课", "实验课", "实训课", "讲评课", "活动课")
