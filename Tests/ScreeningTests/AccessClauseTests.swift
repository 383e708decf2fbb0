import ScreeningTestSupport
import Testing

@testable import Screening

@Suite("Access-list cells cut into clauses")
struct AccessClauseTests {
    @Test("clauses split at line breaks and at enumerators that open the cell or follow a full stop or semicolon")
    func split() {
        #expect(AccessClause.split("1.禁止新建化工项目。2.严格控制开发强度") == ["1.禁止新建化工项目。", "2.严格控制开发强度"])
        #expect(AccessClause.split("（1）现有排污单位限期关闭；（2）农业面源污染严格控制。") == ["（1）现有排污单位限期关闭；", "（2）农业面源污染严格控制。"])
        #expect(AccessClause.split("①禁止设置排污口；②禁止网箱养殖") == ["①禁止设置排污口；", "②禁止网箱养殖"])
        #expect(AccessClause.split("1、第一条\n2、第二条\r\n\n3、第三条") == ["1、第一条", "2、第二条", "3、第三条"])
        // A number inside a sentence, or a decimal, is not an enumerator.
        #expect(AccessClause.split("排放浓度不超过2.5毫克每升，执行表1.限值") == ["排放浓度不超过2.5毫克每升，执行表1.限值"])
        #expect(AccessClause.split("禁止新建燃煤锅炉。10.5万千瓦以下机组关停") == ["禁止新建燃煤锅炉。10.5万千瓦以下机组关停"])
        #expect(AccessClause.split("  \n\u{3000}") == [])
    }

    @Test("dimensions read by code or Chinese name")
    func dimensions() {
        #expect(AccessDimension(parsing: "空间布局约束") == .spatialLayout)
        #expect(AccessDimension(parsing: "resource_efficiency") == .resourceEfficiency)
        #expect(AccessDimension(parsing: "其他") == nil)
    }
}
