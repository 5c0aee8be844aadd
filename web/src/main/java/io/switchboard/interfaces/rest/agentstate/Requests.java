package io.switchboard.interfaces.rest.agentstate;

import io.switchboard.api.Channel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Request bodies of the agent-state API. */
public final class Requests {

    private Requests() {
    }

    /** Channels to act on; absent or empty means every (applicable) assigned channel. */
    public record ChannelSelection(@Size(max = 16) List<String> channels) {
        public Set<Channel> parsed() {
            return parse(channels);
        }
    }

    public record NotReady(@Size(max = 16) List<String> channels, @NotBlank @Size(max = 40) String reasonCode) {
        public Set<Channel> parsed() {
            return parse(channels);
        }
    }

    public record DoNotDisturb(@NotNull Boolean enabled) {
    }

    public record Forwarding(@NotBlank @Size(max = 15) String extension) {
    }

    public static Set<Channel> parse(List<String> names) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (names != null) {
            names.forEach(name -> channels.add(Channel.parse(name)));
        }
        return channels;
    }
}
