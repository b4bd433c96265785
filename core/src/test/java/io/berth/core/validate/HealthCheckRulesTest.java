package io.berth.core.validate;

import static io.berth.core.error.ErrorCode.CLIENT_EXCEPTION;
import static io.berth.core.validate.ValidationRows.ABSENT;
import static io.berth.core.validate.ValidationRows.accepts;
import static io.berth.core.validate.ValidationRows.rejects;
import static io.berth.core.validate.ValidationRows.webTask;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Health check rules with their fence posts, and the defaults ECS stores. */
class HealthCheckRulesTest extends ValidationRuleTable {

    private static final String CHECK = "/containerDefinitions/0/healthCheck";
    private static final String COMMAND = "'command':['CMD-SHELL','wget -q -O- localhost || exit 1']";


    static Stream<Arguments> rejections() {
        return Stream.of(
                rejects("a health check without a command", check("'interval':30"), CLIENT_EXCEPTION,
                        "container 'web'", "'healthCheck.command' is required"),
                rejects("an empty command", check("'command':[]"), CLIENT_EXCEPTION, "container 'web'",
                        "'healthCheck.command' is required"),
                rejects("a command that does not start with CMD, CMD-SHELL or NONE",
                        check("'command':['curl','localhost']"), CLIENT_EXCEPTION, "container 'web'",
                        "'healthCheck.command'", "CMD-SHELL"),
                rejects("CMD without an executable", check("'command':['CMD']"), CLIENT_EXCEPTION,
                        "container 'web'", "'healthCheck.command'"),
                rejects("CMD-SHELL with a blank command line", check("'command':['CMD-SHELL',' ']"),
                        CLIENT_EXCEPTION, "container 'web'", "'healthCheck.command'"),
                rejects("NONE with arguments", check("'command':['NONE','true']"), CLIENT_EXCEPTION,
                        "container 'web'", "'healthCheck.command'"),
                rejects("an interval of 4 seconds", check(COMMAND + ",'interval':4"), CLIENT_EXCEPTION,
                        "container 'web'", "'healthCheck.interval' 4", "5 to 300"),
                rejects("an interval of 301 seconds", check(COMMAND + ",'interval':301"), CLIENT_EXCEPTION,
                        "container 'web'", "'healthCheck.interval' 301"),
                rejects("a timeout of 1 second", check(COMMAND + ",'timeout':1"), CLIENT_EXCEPTION,
                        "container 'web'", "'healthCheck.timeout' 1", "2 to 60"),
                rejects("a timeout of 61 seconds", check(COMMAND + ",'timeout':61"), CLIENT_EXCEPTION,
                        "container 'web'", "'healthCheck.timeout' 61"),
                rejects("0 retries", check(COMMAND + ",'retries':0"), CLIENT_EXCEPTION, "container 'web'",
                        "'healthCheck.retries' 0", "1 to 10"),
                rejects("11 retries", check(COMMAND + ",'retries':11"), CLIENT_EXCEPTION, "container 'web'",
                        "'healthCheck.retries' 11"),
                rejects("a start period of -1 seconds", check(COMMAND + ",'startPeriod':-1"), CLIENT_EXCEPTION,
                        "container 'web'", "'healthCheck.startPeriod' -1", "0 to 300"),
                rejects("a start period of 301 seconds", check(COMMAND + ",'startPeriod':301"), CLIENT_EXCEPTION,
                        "container 'web'", "'healthCheck.startPeriod' 301"));
    }

    static Stream<Arguments> acceptances() {
        return Stream.of(
                accepts("a CMD-SHELL check, stored with ECS's defaults", check(COMMAND), CHECK,
                        "{" + COMMAND + ",'interval':30,'timeout':5,'retries':3}"),
                accepts("a CMD check", check("'command':['CMD','/bin/true']"), CHECK + "/command/0", "'CMD'"),
                accepts("a NONE check", check("'command':['NONE']"), CHECK + "/command", "['NONE']"),
                accepts("an interval of 5 seconds", check(COMMAND + ",'interval':5"), CHECK + "/interval", "5"),
                accepts("an interval of 300 seconds", check(COMMAND + ",'interval':300"), CHECK + "/interval",
                        "300"),
                accepts("a timeout of 2 seconds", check(COMMAND + ",'timeout':2"), CHECK + "/timeout", "2"),
                accepts("a timeout of 60 seconds", check(COMMAND + ",'timeout':60"), CHECK + "/timeout", "60"),
                accepts("1 retry", check(COMMAND + ",'retries':1"), CHECK + "/retries", "1"),
                accepts("10 retries", check(COMMAND + ",'retries':10"), CHECK + "/retries", "10"),
                accepts("a start period of 0 seconds", check(COMMAND + ",'startPeriod':0"), CHECK + "/startPeriod",
                        "0"),
                accepts("a start period of 300 seconds", check(COMMAND + ",'startPeriod':300"),
                        CHECK + "/startPeriod", "300"),
                accepts("no start period, which stays off", check(COMMAND), CHECK + "/startPeriod", ABSENT),
                accepts("no health check, which stays absent", webTask("", ""), CHECK, ABSENT));
    }

    private static String check(String members) {
        return webTask("", "'healthCheck':{" + members + "}");
    }
}
