package com.oktoslack.scheduling;

import com.oktoslack.testing.FakeOktopost;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** {@link ScheduleSubmissionTest} against an Oktopost that makes one post per profile. */
@MicronautTest(transactional = false)
class ScheduleSubmissionPerProfileTest extends ScheduleSubmissionTest {

    @Override
    FakeOktopost.Readings.PostAnswer postAnswer() {
        return FakeOktopost.Readings.PostAnswer.ONE_POST_PER_PROFILE;
    }
}
