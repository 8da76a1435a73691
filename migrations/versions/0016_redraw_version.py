"""the version of a workshop's last change that was not only an arrival: live screens that
insert pushed stories redraw from there; stories indexed by workshop and parking lot, so a
live change counts them from the index

Revision ID: 0016_redraw_version
Revises: 0015_check_ins
Create Date: 2026-12-02 08:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016_redraw_version'
down_revision = '0015_check_ins'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('workshop', schema=None) as batch_op:
        batch_op.add_column(sa.Column('redraw_version', sa.Integer(), server_default='1', nullable=False))
    op.execute('UPDATE workshop SET redraw_version = version')
    with op.batch_alter_table('story', schema=None) as batch_op:
        batch_op.create_index('ix_story_workshop_id_parked', ['workshop_id', 'parked'], unique=False)
        batch_op.drop_index('ix_story_workshop_id')


def downgrade():
    with op.batch_alter_table('story', schema=None) as batch_op:
        batch_op.create_index('ix_story_workshop_id', ['workshop_id'], unique=False)
        batch_op.drop_index('ix_story_workshop_id_parked')
    with op.batch_alter_table('workshop', schema=None) as batch_op:
        batch_op.drop_column('redraw_version')
