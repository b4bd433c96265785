package io.berth.core.validate;

import io.berth.core.error.EcsException;
import io.berth.core.model.MountPoint;
import io.berth.core.model.Volume;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Task volumes and the container mount points that use them. */
final class Volumes {

    private Volumes() {
    }

    /** The task's volumes, checked; an empty list when none were given. */
    static List<Volume> check(List<Volume> volumes) {
        if (volumes == null) {
            return List.of();
        }
        Set<String> names = new HashSet<>();
        for (Volume volume : volumes) {
            if (volume == null || !Names.isValid(volume.name())) {
                throw EcsException.client("Invalid volume name '" + (volume == null ? null : volume.name())
                        + "': use 1 to 255 letters, numbers, hyphens or underscores.");
            }
            if (!names.add(volume.name())) {
                throw EcsException.client("Duplicate volume name '" + volume.name() + "'.");
            }
            if (volume.host() != null && volume.host().sourcePath() != null
                    && !isAbsolute(volume.host().sourcePath())) {
                throw EcsException.client("Invalid 'host.sourcePath' '" + volume.host().sourcePath() + "' of volume '"
                        + volume.name() + "': it must be an absolute path.");
            }
        }
        return List.copyOf(volumes);
    }

    static Set<String> names(List<Volume> volumes) {
        Set<String> names = new LinkedHashSet<>();
        volumes.forEach(v -> names.add(v.name()));
        return names;
    }

    /** One container's mount points, checked against the task's volume names; an empty list when none. */
    static List<MountPoint> checkMountPoints(String container, List<MountPoint> mountPoints, Set<String> volumeNames) {
        if (mountPoints == null) {
            return List.of();
        }
        for (MountPoint mountPoint : mountPoints) {
            if (mountPoint == null || mountPoint.sourceVolume() == null
                    || !volumeNames.contains(mountPoint.sourceVolume())) {
                throw InvalidSetting.of(container, "Mount point 'sourceVolume' '"
                        + (mountPoint == null ? null : mountPoint.sourceVolume())
                        + "' does not name a volume of this task definition.");
            }
            if (mountPoint.containerPath() == null || !isAbsolute(mountPoint.containerPath())) {
                throw InvalidSetting.of(container, "Mount point of volume '" + mountPoint.sourceVolume()
                        + "' needs an absolute 'containerPath', got '" + mountPoint.containerPath() + "'.");
            }
        }
        return List.copyOf(mountPoints);
    }

    private static boolean isAbsolute(String path) {
        return path.startsWith("/");
    }
}
