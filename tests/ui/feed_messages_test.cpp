// Messages about data are worded in the user's language from the values the loader reports.

#include "ui/feed_messages.hpp"

#include <catch2/catch_test_macros.hpp>

#include <string>

using namespace cordon;

TEST_CASE("A refused update is explained in Chinese and in English") {
    UpdateCheck other = otherKindCheck(FeedKind::Zones, FeedKind::Roads);
    CHECK(updateText(other, Lang::Zh) == "这是道路数据，不是风险区：未采用，保留上一版");
    CHECK(updateText(other, Lang::En) ==
          "This is Roads data, not Risk zones: refused, the last good version stays");

    UpdateCheck few;
    few.problem = UpdateProblem::FewValid;
    few.loadedAs = FeedKind::Posts;
    few.valid = 12;
    few.total = 1280;
    few.minValidShare = 0.9;
    CHECK(updateText(few, Lang::Zh) == "1280 个要素中仅 12 个有效（至少需 90%）：未采用，保留上一版");
    CHECK(updateText(few, Lang::En).find("Only 12 of 1280 features are valid (at least 90% needed)") == 0);

    UpdateCheck shrink;
    shrink.problem = UpdateProblem::LargeShrink;
    shrink.before = 230;
    shrink.change.removed = 230;
    shrink.change.added = 0;
    CHECK(updateText(shrink, Lang::Zh) ==
          "将一次移除 230 个要素中的 230 个（+0 / -230）：暂缓，再次收到同一版本时采用");
    CHECK(updateText(shrink, Lang::En).find("Would remove 230 of 230 features at once (+0 / -230)") == 0);
    CHECK(updateText(UpdateCheck{}, Lang::Zh).empty());
}

TEST_CASE("Load errors say what happened in the user's language") {
    CHECK(loadErrorText("HTTP 404 Not Found", Lang::Zh) == "服务器返回 HTTP 404：地址不存在");
    CHECK(loadErrorText("HTTP 404 Not Found", Lang::En) == "the server answered HTTP 404: no such address");
    CHECK(loadErrorText("HTTP 503 Service Unavailable", Lang::Zh) == "服务器返回 HTTP 503：服务器错误");
    CHECK(loadErrorText("HTTP 403 Forbidden", Lang::En) == "the server answered HTTP 403: access denied");
    CHECK(loadErrorText("HTTP 418 I'm a teapot", Lang::Zh) == "服务器返回 HTTP 418");
    CHECK(loadErrorText("timed out: no answer for 30 s", Lang::Zh) == "请求超时：服务器 30 秒无响应");
    CHECK(loadErrorText("timed out: no answer for 0.5 s", Lang::En) ==
          "timed out: no answer from the server for 0.5 s");
    CHECK(loadErrorText("network error: Failed to fetch", Lang::Zh) == "网络错误：无法连接服务器");
    CHECK(loadErrorText("not valid JSON at byte 40 (line 1, column 41): unexpected end", Lang::Zh)
              .find("不是有效的 JSON") == 0);
    CHECK(loadErrorText("gzip: truncated", Lang::Zh) == "压缩文件损坏：truncated");
    CHECK(loadErrorText("the file (300 MB) needs about 1500 MB of memory", Lang::Zh).find("文件过大") == 0);
    CHECK(loadErrorText("manifest rejected", Lang::Zh) == "数据清单无效");
    CHECK(loadErrorText("cannot tell which feed this is: name the file", Lang::Zh).find("无法判断") == 0);
    CHECK(loadErrorText("something else", Lang::Zh) == "未采用（something else），保留上一版");
    CHECK(loadErrorText("something else", Lang::En) == "something else");
}
